using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace TagMyStock.Core.Agencies;

/// <summary>File names against agencies' <see cref="FileNameRule"/>s: which characters pass, and a name that passes them all.</summary>
public static class AgencyFileNames
{
    private static readonly ConcurrentDictionary<string, Regex> CharacterClasses = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="character"/> may appear in a file name's stem under <paramref name="rule"/>.</summary>
    public static bool Allows(FileNameRule rule, char character) =>
        rule.AllowedCharacters is not { } allowed
        || CharacterClasses.GetOrAdd(allowed, body => new Regex($"^[{body}]$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            .IsMatch(character.ToString());

    /// <summary>Whether <paramref name="agency"/> takes <paramref name="fileName"/> (extension included) as it is.</summary>
    public static bool Accepts(AgencyProfile agency, string fileName) =>
        agency.FileName is not { } rule
        || ((rule.MaxLength is not { } max || fileName.Length <= max)
            && Path.GetFileNameWithoutExtension(fileName).All(character => Allows(rule, character)));

    /// <summary>
    /// A name every agency in <paramref name="agencies"/> accepts, as close to <paramref name="fileName"/> as
    /// their rules allow: the words of the stem joined in CamelCase ("espresso-cup on table.jpg" →
    /// "EspressoCupOnTable.jpg"), characters some agency refuses dropped, cut to the shortest length limit.
    /// <paramref name="isTaken"/> says whether a name is already used in the batch; a number is then appended.
    /// </summary>
    public static string SafeName(string fileName, IEnumerable<AgencyProfile> agencies, Func<string, bool>? isTaken = null)
    {
        var rules = agencies.Select(agency => agency.FileName).OfType<FileNameRule>().ToList();
        var extension = Path.GetExtension(fileName);
        var stem = new StringBuilder();
        var startsWord = true;
        foreach (var character in Path.GetFileNameWithoutExtension(fileName))
        {
            if (!char.IsLetterOrDigit(character))
            {
                startsWord = true;
                continue;
            }

            stem.Append(startsWord ? char.ToUpperInvariant(character) : character);
            startsWord = false;
        }

        var allowed = new string([.. stem.ToString().Where(character => char.IsAsciiLetterOrDigit(character) && rules.All(rule => Allows(rule, character)))]);
        var stemRoom = (rules.Select(rule => rule.MaxLength).OfType<int>().DefaultIfEmpty(int.MaxValue).Min() - extension.Length) switch
        {
            < 1 => 1,
            var room => room,
        };
        var baseStem = allowed.Length == 0 ? "image" : allowed;

        for (var counter = 1; ; counter++)
        {
            var suffix = counter == 1 ? "" : counter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var candidate = string.Concat(baseStem.AsSpan(0, Math.Min(baseStem.Length, Math.Max(1, stemRoom - suffix.Length))), suffix, extension);
            if (isTaken is null || !isTaken(candidate))
            {
                return candidate;
            }
        }
    }
}
