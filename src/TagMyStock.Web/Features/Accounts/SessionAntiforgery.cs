using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace TagMyStock.Web.Features.Accounts;

/// <summary>
/// Antiforgery without a cookie of its own, so that the session cookie stays the only cookie set before
/// consent (ASP.NET's default keeps its half of the token pair in a second cookie).
/// </summary>
/// <remarks>
/// <para>Signed in: the synchronizer-token pattern. A random secret is kept in the session ticket (inside the
/// encrypted, HttpOnly session cookie); each page carries it masked with fresh random bytes, so no two
/// responses hold the same token (BREACH). A post must carry a token that unmasks to its session's secret, and
/// a browser that says the post comes from another site is refused even then.</para>
/// <para>Signed out (the sign-in, sign-up and password forms) there is no session to bind a token to, so the
/// browser itself must vouch for the post: its Fetch Metadata (<c>Sec-Fetch-Site</c>) or <c>Origin</c> header
/// must name this site, which a page on another site cannot forge. The token is then a time-limited stamp
/// that the form was rendered by this app.</para>
/// </remarks>
internal sealed class SessionAntiforgery(
    IOptions<AntiforgeryOptions> options,
    IDataProtectionProvider dataProtection,
    ILogger<SessionAntiforgery> logger) : IAntiforgery
{
    /// <summary>Where the session's secret lives in the session ticket's properties.</summary>
    private const string SecretItem = ".tms.csrf";

    private const int SecretLength = 32;
    private const char SessionTokenPrefix = 's';
    private const char SignedOutTokenPrefix = 'a';
    private const string SignedOutStamp = "signed-out form";

    /// <summary>Long enough to fill in a form at leisure; a stale page is simply reloaded.</summary>
    private static readonly TimeSpan SignedOutTokenLifetime = TimeSpan.FromHours(8);

    private readonly AntiforgeryOptions _settings = options.Value;

    private readonly ITimeLimitedDataProtector _signedOutTokens =
        dataProtection.CreateProtector("TagMyStock.Antiforgery.SignedOut").ToTimeLimitedDataProtector();

    /// <summary>Gives a new session its secret; called as the session cookie is issued.</summary>
    public static void AddSecret(AuthenticationProperties session) =>
        session.Items.TryAdd(SecretItem, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretLength)));

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) => GetTokens(httpContext);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) =>
        new(IssueToken(httpContext), cookieToken: null, _settings.FormFieldName, _settings.HeaderName);

    /// <summary>Nothing to store: the secret travels in the session cookie, which authentication writes.</summary>
    public void SetCookieTokenAndHeader(HttpContext httpContext)
    {
    }

    public async Task<bool> IsRequestValidAsync(HttpContext httpContext) =>
        await FindProblemAsync(httpContext) is null;

    public async Task ValidateRequestAsync(HttpContext httpContext)
    {
        if (await FindProblemAsync(httpContext) is { } problem)
        {
            throw new AntiforgeryValidationException(problem);
        }
    }

    private async Task<string?> FindProblemAsync(HttpContext http)
    {
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        {
            return null;
        }

        var token = await ReadTokenAsync(request);
        var origin = OriginOf(request);
        var problem = (SessionSecret(http), token) switch
        {
            (_, null or "") => "The request carries no antiforgery token.",
            _ when origin == RequestOrigin.OtherSite => "The request was sent from another site.",
            ({ } secret, { } posted) => Unmasks(posted, secret) ? null : "The antiforgery token does not belong to this session.",
            (null, _) when origin != RequestOrigin.ThisSite => "A signed-out form must be posted by a browser from this site.",
            (null, { } posted) => IsSignedOutStamp(posted) ? null : "The antiforgery token is not a current signed-out form token.",
        };
        if (problem is not null)
        {
            logger.LogInformation("Antiforgery refused {Method} {Path}: {Problem}", request.Method, request.Path, problem);
        }

        return problem;
    }

    private static RequestOrigin OriginOf(HttpRequest request)
    {
        // "none": the user's own navigation (address bar, bookmark), never another page's doing.
        if (request.Headers["Sec-Fetch-Site"].ToString() is { Length: > 0 } site)
        {
            return site is "same-origin" or "none" ? RequestOrigin.ThisSite : RequestOrigin.OtherSite;
        }

        if (request.Headers.Origin.ToString() is { Length: > 0 } origin)
        {
            // The authority only: behind a TLS-terminating proxy the app may see http where the browser says https.
            return Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
                ? RequestOrigin.ThisSite
                : RequestOrigin.OtherSite;
        }

        return RequestOrigin.Unknown;
    }

    private async Task<string?> ReadTokenAsync(HttpRequest request)
    {
        if (request.Headers.TryGetValue(_settings.HeaderName!, out var header))
        {
            return header.ToString();
        }

        return request.HasFormContentType ? (await request.ReadFormAsync(request.HttpContext.RequestAborted))[_settings.FormFieldName].ToString() : null;
    }

    /// <summary>The secret of the request's session, read from the ticket authentication already opened.</summary>
    private static byte[]? SessionSecret(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true
        && http.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties is { } session
        && session.Items.TryGetValue(SecretItem, out var encoded) && encoded is not null
            ? Base64Url.DecodeFromChars(encoded)
            : null;

    private string IssueToken(HttpContext http)
    {
        if (SessionSecret(http) is not { } secret)
        {
            return SignedOutTokenPrefix + _signedOutTokens.Protect(SignedOutStamp, SignedOutTokenLifetime);
        }

        var masked = new byte[SecretLength * 2];
        RandomNumberGenerator.Fill(masked.AsSpan(0, SecretLength));
        for (var i = 0; i < SecretLength; i++)
        {
            masked[SecretLength + i] = (byte)(secret[i] ^ masked[i]);
        }

        return SessionTokenPrefix + Base64Url.EncodeToString(masked);
    }

    private static bool Unmasks(string token, byte[] secret)
    {
        Span<byte> masked = stackalloc byte[SecretLength * 2];
        if (token[0] != SessionTokenPrefix
            || !Base64Url.IsValid(token.AsSpan(1), out var length) || length != masked.Length
            || Base64Url.DecodeFromChars(token.AsSpan(1), masked) != masked.Length)
        {
            return false;
        }

        Span<byte> unmasked = stackalloc byte[SecretLength];
        for (var i = 0; i < SecretLength; i++)
        {
            unmasked[i] = (byte)(masked[SecretLength + i] ^ masked[i]);
        }

        return secret.Length == SecretLength && CryptographicOperations.FixedTimeEquals(unmasked, secret);
    }

    private bool IsSignedOutStamp(string token)
    {
        if (token[0] != SignedOutTokenPrefix)
        {
            return false;
        }

        try
        {
            return _signedOutTokens.Unprotect(token[1..]) == SignedOutStamp;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}

/// <summary>What the browser says about where a request comes from (Fetch Metadata, else the Origin header).</summary>
internal enum RequestOrigin
{
    /// <summary>No header says: an old browser, or not a browser at all.</summary>
    Unknown,
    ThisSite,
    OtherSite,
}
