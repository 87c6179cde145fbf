using TagMyStock.Evaluation;
using TagMyStock.Vision;

namespace TagMyStock.Bench;

/// <summary>
/// <c>quality EVALUATION_DIR</c>: runs the offline engine over the evaluation set (tests/evaluation) in every
/// mode and prints the summary table, then each mode's judged keywords, as Markdown.
/// </summary>
internal static class Quality
{
    public static int Run(string evaluationFolder)
    {
        var set = EvaluationSet.Load(evaluationFolder);
        using var engine = LocalEngine.Create();
        var run = new QualityRun(engine, set);
        var modes = Enum.GetValues<EvaluationMode>().Select(run.Run).ToList();
        Console.WriteLine(QualityReport.Summary(modes));
        foreach (var mode in modes)
        {
            Console.Write(QualityReport.Details(mode));
        }

        return 0;
    }
}
