/**
 * Local named volumes (Docker's local driver layout), validated names, and removal refused while in use.
 */
package io.shoal.engine.volume;
