/**
 * The loaded project as a value: its name, folder and canonical tree, with typed views for the
 * manager's stack support. Records only; nothing here reads files.
 */
package io.shoal.compose.model;
