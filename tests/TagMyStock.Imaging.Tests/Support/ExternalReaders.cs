using System.Diagnostics;
using System.Text.Json;
using TagMyStock.Core.Metadata;

namespace TagMyStock.Imaging;

/// <summary>
/// exiftool and exiv2, run as processes: readers written independently of this code, so a test passes only if
/// other software reads what was embedded.
/// </summary>
internal static class ExternalReaders
{
    /// <summary>All tags exiftool finds, by "Group1:Tag", raw values (-n), IPTC decoded as UTF-8.</summary>
    public static Dictionary<string, JsonElement> Exiftool(string path)
    {
        var json = Run("exiftool", "-j", "-G1", "-a", "-n", "-charset", "iptc=utf8", "-charset", "filename=utf8", path);
        using var document = JsonDocument.Parse(json);
        var tags = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in document.RootElement[0].EnumerateObject())
        {
            tags[property.Name] = property.Value.Clone();
        }

        return tags;
    }

    /// <summary>Every value of a tag in exiftool's JSON, as strings: one for a single value, several for a list.</summary>
    public static List<string> Values(Dictionary<string, JsonElement> tags, string tag)
    {
        if (!tags.TryGetValue(tag, out var value))
        {
            return [];
        }

        return value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(AsString)]
            : [AsString(value)];
    }

    public static string? Value(Dictionary<string, JsonElement> tags, string tag) => Values(tags, tag) is [var single] ? single : null;

    /// <summary>exiftool finds every XMP field TagMyStock writes, with the values of <paramref name="metadata"/>.</summary>
    public static void AssertXmpFields(Dictionary<string, JsonElement> tags, ImageMetadata metadata)
    {
        Assert.Equal(metadata.Title, Value(tags, "XMP-dc:Title"));
        Assert.Equal(metadata.Title, Value(tags, "XMP-photoshop:Headline"));
        Assert.Equal(metadata.Description, Value(tags, "XMP-dc:Description"));
        Assert.Equal(metadata.Keywords, Values(tags, "XMP-dc:Subject"));
        Assert.Equal(metadata.EffectiveDigitalSourceType, Value(tags, "XMP-iptcExt:DigitalSourceType"));
    }

    /// <summary>
    /// The warnings of "exiftool -validate -warning -a". JSON has one key per tag name, so without -G4 exiftool
    /// prints only one Warning; with it every further warning gets a key of its own ("Copy1:Warning").
    /// </summary>
    public static HashSet<string> ExiftoolWarnings(string path)
    {
        var json = Run("exiftool", "-j", "-G4", "-validate", "-warning", "-a", path);
        using var document = JsonDocument.Parse(json);
        var warnings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in document.RootElement[0].EnumerateObject())
        {
            if (property.Name.EndsWith(":Warning", StringComparison.Ordinal))
            {
                warnings.Add(AsString(property.Value));
            }
        }

        return warnings;
    }

    /// <summary>exiv2's values by key ("Xmp.dc.title", "Iptc.Application2.Keywords"), in file order, repeated keys listed.</summary>
    public static List<KeyValuePair<string, string>> Exiv2(string path)
    {
        var output = Run("exiv2", "-PXIkv", path);
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = line.IndexOf(' ', StringComparison.Ordinal);
            var key = separator < 0 ? line : line[..separator];
            var value = separator < 0 ? "" : line[separator..].Trim();
            const string defaultLanguage = "lang=\"x-default\" ";
            pairs.Add(new(key, value.StartsWith(defaultLanguage, StringComparison.Ordinal) ? value[defaultLanguage.Length..] : value));
        }

        return pairs;
    }

    public static List<string> Exiv2Values(List<KeyValuePair<string, string>> pairs, string key) =>
        [.. pairs.Where(pair => pair.Key == key).Select(pair => pair.Value)];

    private static string AsString(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();

    private static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            Assert.Fail($"{tool} is not installed; these tests read results with exiftool and exiv2. Run ./scripts/test, which installs them. ({exception.Message})");
            throw;
        }

        using (process)
        {
            var errors = new System.Text.StringBuilder();
            process.ErrorDataReceived += (_, line) => errors.AppendLine(line.Data);
            process.BeginErrorReadLine();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();

            // exiv2 exits with 253 when a file holds none of the metadata asked for: an empty answer, not a failure.
            return process.ExitCode == 0 || (tool == "exiv2" && process.ExitCode == 253)
                ? output
                : throw new InvalidOperationException($"{tool} failed with exit code {process.ExitCode}: {errors}");
        }
    }
}
