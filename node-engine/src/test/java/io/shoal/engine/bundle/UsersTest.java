package io.shoal.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UsersTest {

    private static final String PASSWD = "root:x:0:0:root:/root:/bin/sh\nwww:x:33:33:www:/var/www:/bin/false\n";
    private static final String GROUP = "root:x:0:\nwww:x:33:\nstaff:x:50:www,bob\n";

    private static Users.Resolved found(String spec) {
        return ((Users.Lookup.Found) Users.resolve(spec, PASSWD, GROUP)).user();
    }

    @Test
    void resolvesNamesIdsAndGroups() {
        assertThat(found("")).isEqualTo(new Users.Resolved(0, 0, List.of(), "/root"));
        assertThat(found("www")).isEqualTo(new Users.Resolved(33, 33, List.of(50L), "/var/www"));
        assertThat(found("www:staff").gid()).isEqualTo(50);
        assertThat(found("1000:1000")).isEqualTo(new Users.Resolved(1000, 1000, List.of(), "/"));
        assertThat(found("33").home()).isEqualTo("/var/www");
    }

    @Test
    void unknownNamesAreNotFound() {
        assertThat(Users.resolve("nobody", PASSWD, GROUP)).isInstanceOf(Users.Lookup.NotFound.class);
        assertThat(Users.resolve("www:wheel", PASSWD, GROUP)).isInstanceOf(Users.Lookup.NotFound.class);
    }
}
