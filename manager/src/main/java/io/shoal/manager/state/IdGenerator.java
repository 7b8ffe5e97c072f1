package io.shoal.manager.state;

import java.util.random.RandomGenerator;

/** Makes object ids: 25 lower-case base-36 characters, as Docker's. Injected so tests and simulations replay. */
@FunctionalInterface
public interface IdGenerator {
    String next();

    static IdGenerator random(RandomGenerator random) {
        return () -> {
            char[] id = new char[25];
            for (int i = 0; i < id.length; i++) {
                id[i] = Character.forDigit(random.nextInt(36), 36);
            }
            return new String(id);
        };
    }
}
