/**
 * {@code shoal service create|ls|ps|inspect|scale|update|rm}: services over {@code /services} and their tasks
 * over {@code /tasks}. Changes are read-modify-write with the service's {@code Version.Index}, so a concurrent
 * update is refused by the daemon rather than silently overwritten.
 */
package io.shoal.cli.command.service;
