using System.Text;

namespace TagMyStock.Web.Features.Generation;

/// <summary>
/// The file name a generated image gets in the gallery: the prompt's first words in plain ASCII (agencies read file
/// names, and some refuse anything else), then the seed and the image's number in the run.
/// </summary>
public static class GeneratedFileName
{
    private const int MaxStemLength = 60;

    public static string For(string prompt, long? seed, int index, string contentType)
    {
        var stem = new StringBuilder();
        foreach (var word in Words(prompt))
        {
            if (stem.Length + word.Length + 1 > MaxStemLength)
            {
                break;
            }

            stem.Append(stem.Length == 0 ? "" : "-").Append(word);
        }

        var extension = contentType switch
        {
            "image/png" => ".png",
            "image/webp" => ".webp",
            _ => ".jpg",
        };
        var name = stem.Length == 0 ? "generated" : stem.ToString();
        return seed is { } value ? $"{name}-{value}-{index + 1}{extension}" : $"{name}-{index + 1}{extension}";
    }

    private static IEnumerable<string> Words(string prompt)
    {
        var word = new StringBuilder();
        foreach (var character in prompt)
        {
            if (char.IsAsciiLetterOrDigit(character))
            {
                word.Append(char.ToLowerInvariant(character));
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
