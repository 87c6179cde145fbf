using System.Text.Json;
using System.Text.RegularExpressions;

namespace TagMyStock.Imaging.Reading;

/// <summary>A prompt and the model that turned it into the image, as a generator recorded them.</summary>
internal sealed record Generation(string? Prompt, string? Model);

/// <summary>
/// Reads the generation records image tools leave in files: Automatic1111 "parameters" (prompt, then
/// "Negative prompt:", then a "Steps: …, Model: …" line), ComfyUI "prompt" (the node graph as JSON), and the plain
/// "prompt" or "Description" text other generators write.
/// </summary>
internal static partial class GenerationText
{
    private const string NegativePromptLabel = "Negative prompt:";
    private const string SettingsLabel = "Steps: ";

    /// <summary>The generation in PNG text chunks, most explicit key first; null when there is none.</summary>
    public static Generation? FromPngText(IReadOnlyList<KeyValuePair<string, string>> texts)
    {
        if (Find(texts, "parameters") is { } parameters)
        {
            return FromAutomatic1111(parameters) ?? new Generation(Clean(parameters), null);
        }

        if (Find(texts, "prompt") is { } prompt)
        {
            return FromComfyUi(prompt) ?? new Generation(Clean(prompt), null);
        }

        return Find(texts, "Description") is { } description ? new Generation(Clean(StripJobId(description)), null) : null;
    }

    /// <summary>Automatic1111 parameters, or null when <paramref name="text"/> does not have their settings line.</summary>
    public static Generation? FromAutomatic1111(string text)
    {
        var settingsStart = 0;
        if (!text.StartsWith(SettingsLabel, StringComparison.Ordinal))
        {
            var settingsLine = text.LastIndexOf("\n" + SettingsLabel, StringComparison.Ordinal);
            if (settingsLine < 0)
            {
                return null;
            }

            settingsStart = settingsLine + 1;
        }

        var promptEnd = text.IndexOf(NegativePromptLabel, StringComparison.Ordinal);
        if (promptEnd < 0 || promptEnd > settingsStart)
        {
            promptEnd = settingsStart;
        }

        var model = ModelSetting().Match(text[settingsStart..]);
        return new Generation(Clean(text[..promptEnd]), model.Success ? model.Groups["model"].Value.Trim() : null);
    }

    /// <summary>
    /// ComfyUI's API-format graph: the prompt is the text of the node wired to a sampler's "positive" input
    /// (else the first text-encode node), the model the first checkpoint or UNet loaded. Null when not such JSON.
    /// </summary>
    private static Generation? FromComfyUi(string json)
    {
        try
        {
            using var graph = JsonDocument.Parse(json);
            if (graph.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            string? positive = null;
            string? firstText = null;
            string? model = null;
            foreach (var node in graph.RootElement.EnumerateObject())
            {
                if (node.Value.ValueKind != JsonValueKind.Object || !node.Value.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                firstText ??= StringInput(inputs, "text");
                model ??= StringInput(inputs, "ckpt_name") ?? StringInput(inputs, "unet_name");
                if (positive is null && inputs.TryGetProperty("positive", out var link) && link.ValueKind == JsonValueKind.Array && link.GetArrayLength() > 0
                    && graph.RootElement.TryGetProperty(link[0].ToString(), out var source) && source.ValueKind == JsonValueKind.Object
                    && source.TryGetProperty("inputs", out var sourceInputs) && sourceInputs.ValueKind == JsonValueKind.Object)
                {
                    positive = StringInput(sourceInputs, "text");
                }
            }

            return new Generation(Clean(positive ?? firstText), model is null ? "ComfyUI" : Path.GetFileNameWithoutExtension(model));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? StringInput(JsonElement inputs, string name) =>
        inputs.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Find(IReadOnlyList<KeyValuePair<string, string>> texts, string key)
    {
        foreach (var (name, value) in texts)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(value))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Midjourney appends " Job ID: &lt;uuid&gt;" to the prompt it stores as Description.</summary>
    private static string StripJobId(string text)
    {
        var jobId = text.LastIndexOf(" Job ID:", StringComparison.Ordinal);
        return jobId < 0 ? text : text[..jobId];
    }

    private static string? Clean(string? prompt) => string.IsNullOrWhiteSpace(prompt) ? null : prompt.Trim();

    [GeneratedRegex(@"(?:^|,\s*)Model:\s*(?<model>[^,\r\n]+)", RegexOptions.CultureInvariant)]
    private static partial Regex ModelSetting();
}
