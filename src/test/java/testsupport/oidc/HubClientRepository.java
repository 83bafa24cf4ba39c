package testsupport.oidc;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** The provider's only client, the Hub, whose redirect URI is set once the Hub's random port is known. */
final class HubClientRepository implements RegisteredClientRepository {

    private final String id = UUID.randomUUID().toString();
    private final AtomicReference<RegisteredClient> client = new AtomicReference<>();

    void register(String redirectUri) {
        client.set(RegisteredClient.withId(id)
                .clientId(TestAuthorizationServer.CLIENT_ID)
                .clientSecret("{noop}" + TestAuthorizationServer.CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(redirectUri)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.EMAIL)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(false)
                        .requireProofKey(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(Duration.ofMinutes(5))
                        .build())
                .build());
    }

    /** The provider saves the client back, e.g. to re-encode its secret after the first token request. */
    @Override
    public void save(RegisteredClient registeredClient) {
        client.set(registeredClient);
    }

    @Override
    public RegisteredClient findById(String id) {
        RegisteredClient current = client.get();
        return current != null && current.getId().equals(id) ? current : null;
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        RegisteredClient current = client.get();
        return current != null && current.getClientId().equals(clientId) ? current : null;
    }
}
