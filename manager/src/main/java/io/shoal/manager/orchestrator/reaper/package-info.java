/**
 * Task retirement: tasks no worker holds yet are ended by the managers, removed tasks are deleted once
 * their worker has ended them, and each slot keeps a bounded history.
 */
package io.shoal.manager.orchestrator.reaper;
