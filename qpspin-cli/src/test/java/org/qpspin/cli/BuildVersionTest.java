package org.qpspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

/** {@code qpspin --version} says the version the build was made from (the pom's), not a literal in the code. */
class BuildVersionTest {

    @Test
    void versionIsThePomVersion() {
        String pom = System.getProperty("qpspin.pomVersion");
        assertNotNull(pom, "surefire passes the pom's project.version as qpspin.pomVersion");
        assertEquals(pom, BuildVersion.version());
        CliRun r = new CliRun("--version");
        assertEquals(0, r.exit);
        assertEquals("qpspin " + pom, r.out.strip());
    }
}
