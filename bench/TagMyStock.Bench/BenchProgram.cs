using System.Globalization;

namespace TagMyStock.Bench;

/// <summary>Entry point; a named class, because the web project already declares a global <c>Program</c>.</summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case ["thumbnails", .. var rest]:
                return await Thumbnails.RunAsync(rest, CancellationToken.None);
            case ["tagging", .. var files] when files.Length > 0:
                return await Tagging.RunAsync(files, CancellationToken.None);
            case ["tagging-stages", .. var files] when files.Length > 0:
                return TaggingStages.Run(files);
            case ["embedding-centre", var output, .. var files] when files.Length > 0:
                return await EmbeddingCentre.RunAsync(output, files, CancellationToken.None);
            case ["activation-ranges", var calibrationModel, var tensorList, .. var files] when files.Length > 0:
                return ActivationRanges.Run(calibrationModel, tensorList, files);
            case ["embedding-similarity", var work, var samples, .. var reference] when reference.Length > 0:
                return EmbeddingSimilarity.Run(work, samples, reference);
            case ["validation", .. var rest] when rest.Length <= 1:
                return Validation.Run(rest);
            case ["quality", var evaluationFolder]:
                return Quality.Run(evaluationFolder);
            case ["libvips-version"]:
                // The libvips the app runs on (NetVips.Native), which the reports name next to vipsthumbnail's.
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)}"));
                return 0;
            default:
                await Console.Error.WriteLineAsync("usage: tagmystock-bench thumbnails OUT FILE... | tagging FILE... | tagging-stages FILE... | embedding-centre OUT FILE... | activation-ranges CALIBRATION_MODEL TENSORS FILE... | embedding-similarity WORK SAMPLES REFERENCE... | quality EVALUATION_DIR | validation [IMAGES] | libvips-version");
                return 2;
        }
    }
}
