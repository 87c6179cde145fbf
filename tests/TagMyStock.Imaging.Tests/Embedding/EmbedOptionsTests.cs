using TagMyStock.Core.Metadata;
using TagMyStock.Imaging.Reading;

namespace TagMyStock.Imaging.Embedding;

public sealed class EmbedOptionsTests
{
    private static readonly EmbedOptions KeepExisting = new() { KeepExistingDigitalSourceType = true };

    [Theory]
    [InlineData("baseline.jpg")]
    [InlineData("plain.png")]
    public void Keeping_the_existing_digital_source_type_keeps_it_when_the_metadata_declares_none(string dataName)
    {
        var composite = Embedded.Bytes(dataName, TestData.Other with { DigitalSourceType = DigitalSourceType.CompositeWithTrainedAlgorithmicMedia });

        var (kept, outcome) = Embed(composite, TestData.Other, KeepExisting);

        Assert.Equal(DigitalSourceType.CompositeWithTrainedAlgorithmicMedia, DigitalSourceTypeIn(kept));
        Assert.Equal(DigitalSourceType.CompositeWithTrainedAlgorithmicMedia, outcome.DigitalSourceType);
    }

    [Theory]
    [InlineData("baseline.jpg")]
    [InlineData("plain.png")]
    public void By_default_metadata_without_a_digital_source_type_removes_the_existing_one(string dataName)
    {
        var aiMade = Embedded.Bytes(dataName, TestData.Unicode);

        var (removed, outcome) = Embed(aiMade, TestData.Other, options: null);

        Assert.Null(DigitalSourceTypeIn(removed));
        Assert.Null(outcome.DigitalSourceType);
    }

    [Fact]
    public void A_digital_source_type_in_the_metadata_replaces_the_existing_one_even_when_keeping()
    {
        var composite = Embedded.Bytes("baseline.jpg", TestData.Other with { DigitalSourceType = DigitalSourceType.CompositeWithTrainedAlgorithmicMedia });

        var (replaced, outcome) = Embed(composite, TestData.Unicode, KeepExisting);

        Assert.Equal(DigitalSourceType.TrainedAlgorithmicMedia, DigitalSourceTypeIn(replaced));
        Assert.Equal(DigitalSourceType.TrainedAlgorithmicMedia, outcome.DigitalSourceType);
    }

    private static (byte[] Bytes, EmbedOutcome Outcome) Embed(byte[] source, ImageMetadata metadata, EmbedOptions? options)
    {
        using var input = new MemoryStream(source);
        using var output = new MemoryStream();
        var outcome = MetadataEmbedder.Embed(input, output, metadata, options);
        return (output.ToArray(), outcome);
    }

    private static string? DigitalSourceTypeIn(byte[] image)
    {
        using var stream = new MemoryStream(image);
        return EmbeddedMetadataReader.Read(stream, "image").Metadata.DigitalSourceType;
    }
}
