package io.shoal.deploy.arch.violation;

import akka.actor.typed.ActorSystem;
import io.shoal.deploy.Shoald;

/** Breaks "no Akka" and "no other Shoal module" when its package is taken for a pure module. */
public final class DependsOnDeploy {
    private DependsOnDeploy() {}

    public static String entryPoint(ActorSystem<?> system) {
        return Shoald.class.getName() + system.name();
    }
}
