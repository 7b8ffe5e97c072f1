package io.shoal.api.identity;

import java.security.cert.X509Certificate;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** What a node certificate says: CN = node id, OU = role, O = cluster id (as Swarm's certificates). */
public record CertificateSubject(String nodeId, NodeRole role, String clusterId) {

    public static CertificateSubject of(X509Certificate cert) {
        String cn = attribute(cert, "CN");
        String ou = attribute(cert, "OU");
        String o = attribute(cert, "O");
        if (cn == null || ou == null || o == null) {
            throw new IllegalArgumentException("certificate subject lacks CN, OU or O: " + cert.getSubjectX500Principal().getName());
        }
        return new CertificateSubject(cn, NodeRole.fromOrganizationalUnit(ou), o);
    }

    /** The subject's O: the cluster id, on node and CA certificates alike. */
    public static String organization(X509Certificate cert) {
        String o = attribute(cert, "O");
        if (o == null) {
            throw new IllegalArgumentException("certificate subject has no O (cluster id): " + cert.getSubjectX500Principal().getName());
        }
        return o;
    }

    static String attribute(X509Certificate cert, String type) {
        String dn = cert.getSubjectX500Principal().getName();
        try {
            for (Rdn rdn : new LdapName(dn).getRdns()) {
                if (rdn.getType().toUpperCase(Locale.ROOT).equals(type)) {
                    return String.valueOf(rdn.getValue());
                }
            }
            return null;
        } catch (InvalidNameException e) {
            throw new IllegalArgumentException("certificate subject is not a distinguished name: " + dn, e);
        }
    }
}
