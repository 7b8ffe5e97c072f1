/** Global services: one task per eligible node, restarted on that node as its restart policy says. */
package io.shoal.manager.orchestrator.global;
