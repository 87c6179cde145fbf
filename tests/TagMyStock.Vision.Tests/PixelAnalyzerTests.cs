using TagMyStock.Core.Metadata;
using TagMyStock.Vision.Faces;

namespace TagMyStock.Vision;

public sealed class PixelAnalyzerTests
{
    [Fact]
    public void A_head_and_shoulders_portrait_is_one_person_in_a_portrait_and_needs_a_release()
    {
        using var analyzer = new PixelAnalyzer();

        var analysis = analyzer.Analyze(AnalysisImage.Load(TestImages.Data("astronaut.png")));

        var terms = analysis.Concepts.Select(c => c.Term).ToList();
        Assert.Contains("people", terms);
        Assert.Contains("one person", terms);
        Assert.Contains("portrait", terms);
        Assert.DoesNotContain("close-up", terms);
        Assert.Equal(ContentFlags.PeopleReleaseNeeded, analysis.Flags);
        Assert.Single(analysis.Faces);
        Assert.Matches(@"^1 face, \d+ % of the frame$", analysis.Concepts.Single(c => c.Term == "people").Reason);
    }

    [Fact]
    public void A_face_filling_the_frame_is_a_close_up()
    {
        using var analyzer = new PixelAnalyzer();
        using var portrait = NetVips.Image.NewFromFile(TestImages.Data("astronaut.png"));
        using var face = portrait.Crop(150, 40, 200, 200);

        var terms = analyzer.Analyze(TestImages.Load(face)).Concepts.Select(c => c.Term).ToList();

        Assert.Contains("close-up", terms);
        Assert.Contains("one person", terms);
    }

    [Theory]
    [InlineData(2, "two people")]
    [InlineData(3, "group of people")]
    public void Several_faces_are_counted_in_words(int people, string expected)
    {
        using var analyzer = new PixelAnalyzer();
        using var row = TestImages.RowOfPortraits(people);

        var analysis = analyzer.Analyze(TestImages.Load(row));

        var terms = analysis.Concepts.Select(c => c.Term).ToList();
        Assert.Contains(expected, terms);
        Assert.Contains("people", terms);
        Assert.DoesNotContain("one person", terms);
        Assert.DoesNotContain("portrait", terms);
        Assert.Equal(ContentFlags.PeopleReleaseNeeded, analysis.Flags);
    }

    [Fact]
    public void A_photo_without_people_asks_for_no_release()
    {
        using var analyzer = new PixelAnalyzer();

        var analysis = analyzer.Analyze(AnalysisImage.Load(Samples.Path("tabby-cat-with-green-eyes.png")));

        Assert.Equal(ContentFlags.None, analysis.Flags);
        Assert.Empty(analysis.Faces);
        Assert.DoesNotContain(analysis.Concepts, c => c.Term == "people");
    }

    [Fact]
    public void Concepts_come_strongest_first_each_term_once()
    {
        using var analyzer = new PixelAnalyzer();

        var concepts = analyzer.Analyze(AnalysisImage.Load(TestImages.Data("astronaut.png"))).Concepts;

        Assert.Equal(concepts.OrderByDescending(c => c.Confidence).Select(c => c.Term), concepts.Select(c => c.Term));
        Assert.Equal(concepts.Count, concepts.Select(c => c.Term).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Parallel_calls_on_one_analyzer_give_the_same_results_as_one_at_a_time()
    {
        using var analyzer = new PixelAnalyzer();
        var images = new[] { TestImages.Data("astronaut.png"), Samples.Path("storm-clouds-over-empty-highway.jpg"), Samples.Path("espresso-cup-on-wooden-table.jpg") }
            .Select(path => AnalysisImage.Load(path))
            .ToArray();
        var expected = images.Select(analyzer.Analyze).ToArray();

        var actual = new PixelAnalysis[images.Length * 4];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => actual[i] = analyzer.Analyze(images[i % images.Length]));

        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equivalent(expected[i % images.Length], actual[i], strict: true);
        }
    }

    [Fact]
    public void The_face_model_is_copied_next_to_the_application_with_its_licence()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Faces", "Models");

        Assert.True(File.Exists(Path.Combine(folder, FaceDetector.ModelFile)));
        Assert.Contains("Apache License", File.ReadAllText(Path.Combine(folder, "LICENSE-Apache-2.0.txt")), StringComparison.Ordinal);
    }
}
