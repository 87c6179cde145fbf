namespace TagMyStock.Web.Components;

/// <summary>Guards redirects after sign-in against open-redirect links.</summary>
public static class LocalUrl
{
    public static string OrDefault(string? url, string fallback) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : fallback;
}
