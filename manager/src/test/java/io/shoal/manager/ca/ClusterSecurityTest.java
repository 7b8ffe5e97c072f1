package io.shoal.manager.ca;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.api.identity.NodeRole;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClusterSecurityTest {
    private final Random random = new Random(11);
    private final ClusterSecurity security = ClusterSecurity.of(
            ClusterCa.create("c1", Duration.ofDays(365), Clock.systemUTC(), new SecureRandom()), random);

    @Test
    void eachRolesTokenGrantsThatRole() {
        assertThat(security.check(security.token(NodeRole.WORKER).toString())).isEqualTo(new ClusterSecurity.TokenCheck.Accepted(NodeRole.WORKER));
        assertThat(security.check(security.token(NodeRole.MANAGER).toString())).isEqualTo(new ClusterSecurity.TokenCheck.Accepted(NodeRole.MANAGER));
        assertThat(security.token(NodeRole.WORKER).caDigest()).isEqualTo(security.token(NodeRole.MANAGER).caDigest());
    }

    @Test
    void rotationRetiresOnlyTheRotatedRolesToken() {
        ClusterSecurity rotated = security.rotate(true, false, random);
        assertThat(rotated.check(security.token(NodeRole.WORKER).toString()))
                .isEqualTo(new ClusterSecurity.TokenCheck.Refused("invalid join token: the secret is not valid (the token may have been rotated)"));
        assertThat(rotated.check(security.token(NodeRole.MANAGER).toString()).granted()).contains(NodeRole.MANAGER);
        assertThat(rotated.check(rotated.token(NodeRole.WORKER).toString()).granted()).contains(NodeRole.WORKER);
        assertThat(rotated.caKeyPem()).isEqualTo(security.caKeyPem());
    }

    @Test
    void aTokenForAnotherCaOrAMalformedOneIsRefused() {
        ClusterSecurity other = ClusterSecurity.of(ClusterCa.create("c2", Duration.ofDays(365), Clock.systemUTC(), new SecureRandom()), random);
        assertThat(security.check(other.token(NodeRole.WORKER).toString()))
                .isEqualTo(new ClusterSecurity.TokenCheck.Refused("invalid join token: it was issued for a different cluster CA"));
        assertThat(security.check("SWMTKN-1-nope").granted()).isEmpty();
    }
}
