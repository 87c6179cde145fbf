using System.Globalization;
using System.Text;

namespace TagMyStock.Evaluation;

/// <summary>The Markdown of bench/results/quality.md: the summary table and, per mode, every image's keywords judged.</summary>
internal static class QualityReport
{
    public static string Summary(IReadOnlyList<ModeOutcome> modes)
    {
        var text = new StringBuilder()
            .AppendLine("| Mode | Precision, first 10 | Precision, all | Recall | Accepted titles | Keywords per image | Thin-evidence warnings | Categories right | Categories chosen |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var mode in modes)
        {
            text.AppendLine(Invariant($"| {Name(mode.Mode)} | {mode.PrecisionTop10:0.00} | {mode.Precision:0.00} | {mode.Recall:0.00} | {mode.AcceptedTitles:0 %} | {mode.KeywordsPerImage:0.0} | {mode.ThinEvidenceWarnings:0 %} | {mode.CategoryPrecision:0.00} | {mode.CategoryCoverage:0 %} |"));
        }

        return text.ToString();
    }

    /// <summary>Every keyword marked true (plain) or not judged true (struck through), and the title's verdict.</summary>
    public static string Details(ModeOutcome mode)
    {
        var text = new StringBuilder().AppendLine(Invariant($"### {Name(mode.Mode)}")).AppendLine();
        foreach (var outcome in mode.Images)
        {
            var keywords = outcome.Keywords.Select((keyword, index) => outcome.Correct[index] ? keyword : $"~~{keyword}~~");
            var title = outcome.Title.Length == 0 ? "(none)" : $"\"{outcome.Title}\"";
            var verdict = outcome.TitleVerdict.IsAccepted ? "accepted" : $"rejected: {outcome.TitleVerdict.Reason}";
            var categories = outcome.Categories.Select(category => category.IsRight ? category.Name : $"~~{category.Name}~~");
            text.AppendLine(Invariant($"- `{outcome.Image.File}` recall {outcome.Recall:0.00}; title {title} ({verdict})"))
                .AppendLine(Invariant($"  {(outcome.Keywords.Count == 0 ? "(no keywords)" : string.Join(", ", keywords))}"))
                .AppendLine(Invariant($"  categories: {(outcome.Categories.Count == 0 ? "(none)" : string.Join(", ", categories))}"));
        }

        return text.AppendLine().ToString();
    }

    public static string Name(EvaluationMode mode) => mode switch
    {
        EvaluationMode.Pixels => "Pixels only",
        EvaluationMode.PixelsAndHint => "Pixels + hint",
        EvaluationMode.PixelsAndPrompt => "Pixels + AI prompt",
        EvaluationMode.PixelsAndLibrary => "Pixels + library (leave-one-out)",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
