using System.Text;
using Microsoft.Net.Http.Headers;

namespace TagMyStock.Web.Infrastructure.Storage;

/// <summary>The <c>Content-Disposition</c> of a blob link, the same for local and S3 links.</summary>
public static class ContentDispositions
{
    /// <summary>
    /// <c>inline</c> without a name, else <c>attachment</c> with the name reduced to a safe file name:
    /// no folders, no control or quote characters, as ASCII in <c>filename</c> and as UTF-8 in <c>filename*</c>.
    /// </summary>
    public static string For(string? downloadName)
    {
        if (downloadName is null)
        {
            return "inline";
        }

        var header = new ContentDispositionHeaderValue("attachment");
        header.SetHttpFileName(SafeFileName(downloadName));
        return header.ToString();
    }

    internal static string SafeFileName(string name)
    {
        var fileName = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var safe = new StringBuilder(fileName.Length);
        foreach (var c in fileName)
        {
            safe.Append(char.IsControl(c) || c is '"' or ';' or ',' ? '_' : c);
        }

        var trimmed = safe.ToString().Trim().Trim('.');
        return trimmed.Length == 0 ? "download" : trimmed;
    }
}
