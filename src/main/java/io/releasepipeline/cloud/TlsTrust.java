package io.releasepipeline.cloud;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.TrustManagerFactory;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/** A custom CA bundle (PEM) for the cloud endpoints, for networks that re-sign TLS; verification stays on. */
final class TlsTrust {

    private TlsTrust() {
    }

    static SSLContextParameters caBundle(String pemFile) {
        try (InputStream in = Files.newInputStream(Path.of(pemFile))) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("cloud.tls.ca-bundle=" + pemFile + " holds no certificate");
            }
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                trust.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            TrustManagersParameters managers = new TrustManagersParameters();
            managers.setTrustManager(factory.getTrustManagers()[0]);
            SSLContextParameters parameters = new SSLContextParameters();
            parameters.setTrustManagers(managers);
            return parameters;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cloud.tls.ca-bundle=" + pemFile
                    + " cannot be read as PEM certificates; point it at the CA bundle file");
        }
    }
}
