/**
 * Container output: the monitor writes conmon's k8s-file lines (timestamp, stream, partial flag), the engine reads them back as Docker json-file entries, once or following, surviving rotation by truncation.
 */
package io.shoal.engine.logs;
