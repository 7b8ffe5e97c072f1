/**
 * Classes that break the dependency rules on purpose, so {@code DependencyRulesTest} can show that
 * each rule fails when broken. Test code: never shipped, never imported by the real checks.
 */
package io.shoal.deploy.arch.violation;
