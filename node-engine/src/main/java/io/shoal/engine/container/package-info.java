/**
 * The container lifecycle: a pure transition table ({@link io.shoal.engine.container.Lifecycle}) consulted before runc is called and recorded after, so a refused operation costs nothing and leaves nothing behind.
 */
package io.shoal.engine.container;
