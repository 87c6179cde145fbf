using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Csv;

public sealed class NativeCsvTests
{
    private const string Header =
        "Filename,Title,Description,Keywords,Categories,AI generated,Editorial,Mature content,Illustration,"
        + "People release needed,Property release needed,Prompt,Model";

    private static readonly CsvRow[] RichRows =
    [
        new("fox_in_snow.jpg", new ImageMetadata
        {
            Title = "Red fox, in \"fresh\" snow",
            Description = "A red fox crossing a snowy field.\r\nShot at dawn; soft light.",
            Keywords = ["fox", "snow", "winter wildlife", "café", "東京"],
            Categories = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["shutterstock"] = "Animals/Wildlife,Nature",
                ["adobe"] = "1",
                ["dreamstime"] = "31,168",
            },
            Flags = ContentFlags.AiGenerated | ContentFlags.Illustration | ContentFlags.PropertyReleaseNeeded,
        })
        {
            Prompt = "a red fox in fresh snow, \"cinematic\", 35mm",
            Model = "Stable Diffusion XL",
        },
        new("street.jpg", new ImageMetadata
        {
            Title = "Market street",
            Keywords = ["market"],
            Flags = ContentFlags.Editorial | ContentFlags.MatureContent | ContentFlags.PeopleReleaseNeeded,
        }),
        new("empty.jpg", ImageMetadata.Empty),
    ];

    private static string Write(IEnumerable<CsvRow> rows)
    {
        using var writer = new StringWriter();
        NativeCsv.Write(writer, rows);
        return writer.ToString();
    }

    [Fact]
    public void Header_is_the_documented_one()
    {
        Assert.Equal(Header, NativeCsv.Format.Header);
        Assert.Equal(Header + "\r\n", Write([]));
    }

    [Fact]
    public void Writes_categories_as_sorted_agency_pairs_and_flags_as_yes_no()
    {
        var lines = Write(RichRows).Split("\r\n");

        Assert.Equal(
            "fox_in_snow.jpg,\"Red fox, in \"\"fresh\"\" snow\",\"A red fox crossing a snowy field.\r\nShot at dawn; soft light.\","
                + "\"fox, snow, winter wildlife, café, 東京\",\"adobe=1|dreamstime=31,168|shutterstock=Animals/Wildlife,Nature\","
                + "yes,no,no,yes,no,yes,\"a red fox in fresh snow, \"\"cinematic\"\", 35mm\",Stable Diffusion XL",
            lines[1] + "\r\n" + lines[2]);
        Assert.Equal("street.jpg,Market street,,market,,no,yes,yes,no,yes,no,,", lines[3]);
        Assert.Equal("empty.jpg,,,,,no,no,no,no,no,no,,", lines[4]);
    }

    [Fact]
    public void Round_trips_every_exported_field()
    {
        var result = MetadataCsvReader.Read(new StringReader(Write(RichRows)));

        Assert.Empty(result.Errors);
        Assert.Equal(NativeCsv.FormatName, result.FormatName);
        Assert.Null(result.AgencyId);
        Assert.Equal(RichRows, result.Rows);
    }

    [Fact]
    public void Reads_back_through_a_stream_with_its_encoding()
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, AgencyCsvWriter.EncodingFor(NativeCsv.Format), leaveOpen: true))
        {
            NativeCsv.Write(writer, RichRows);
        }

        stream.Position = 0;
        using var reader = new StreamReader(stream);

        Assert.Equal(RichRows, MetadataCsvReader.Read(reader).Rows);
    }
}
