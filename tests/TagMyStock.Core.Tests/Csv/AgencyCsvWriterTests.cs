using System.Text;
using TagMyStock.Core.Agencies;
using TagMyStock.Core.Agencies.Profiles;
using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Csv;

public sealed class AgencyCsvWriterTests
{
    private static string Write(AgencyProfile agency, params CsvRow[] rows)
    {
        using var writer = new StringWriter();
        AgencyCsvWriter.Write(writer, agency, rows);
        return writer.ToString();
    }

    private static CsvRow Row(string fileName, string title = "", string description = "", string[]? keywords = null) =>
        new(fileName, new ImageMetadata { Title = title, Description = description, Keywords = keywords ?? [] });

    [Fact]
    public void Adobe_csv_matches_the_official_sample_style()
    {
        var beach = Row("beach.jpg", "Sunset over a quiet beach", keywords: ["sunset", "beach", "sea"]) with
        {
            Releases = ["Jane Doe", "John Roe"],
        };
        var beachWithCategory = beach with { Metadata = beach.Metadata.WithCategory("adobe", "11").WithCategory("shutterstock", "Nature") };
        var bare = Row("lake.jpg", "Lake", keywords: ["lake"]);

        Assert.Equal(
            "Filename,Title,Keywords,Category,Releases\r\n"
                + "beach.jpg,Sunset over a quiet beach,\"sunset, beach, sea\",11,\"Jane Doe, John Roe\"\r\n"
                + "lake.jpg,Lake,\"lake\",,\"\"\r\n",
            Write(AdobeStock.Profile, beachWithCategory, bare));
    }

    [Fact]
    public void Shutterstock_csv_writes_categories_and_yes_no_flags()
    {
        var fox = Row("red_fox.jpg", description: "Red fox in fresh snow", keywords: ["fox", "snow", "wildlife"]);
        fox = fox with
        {
            Metadata = fox.Metadata.WithCategory("shutterstock", "Animals/Wildlife, Nature") with { Flags = ContentFlags.Illustration | ContentFlags.Editorial },
        };

        Assert.Equal(
            "Filename,Description,Keywords,Categories,Editorial,Mature content,illustration\r\n"
                + "red_fox.jpg,Red fox in fresh snow,\"fox,snow,wildlife\",\"Animals/Wildlife,Nature\",yes,no,yes\r\n",
            Write(Shutterstock.Profile, fox));
    }

    [Fact]
    public void Freepik_csv_is_semicolon_separated_with_every_text_field_quoted()
    {
        var robot = Row("robot.jpg", "Friendly \"toy\" robot", keywords: ["robot", "toy"]) with
        {
            Prompt = "a friendly robot; studio light",
            Model = "Midjourney 6",
        };

        Assert.Equal(
            "Filename;Title;Keywords;Prompt;Model\n"
                + "\"robot.jpg\";\"Friendly \"\"toy\"\" robot\";\"robot,toy\";\"a friendly robot; studio light\";\"Midjourney 6\"\n"
                + "\"cat.jpg\";\"Cat\";\"\";\"\";\"\"\n",
            Write(Freepik.Profile, robot, Row("cat.jpg", "Cat")));
    }

    [Fact]
    public void Dreamstime_spreads_categories_over_its_columns_and_writes_editorial_as_1_or_0()
    {
        var row = Row("city.jpg", "City", "A city at night", ["city"]);
        row = row with { Metadata = row.Metadata.WithCategory("dreamstime", "130,70") with { Flags = ContentFlags.Editorial } };

        Assert.Equal(
            "city.jpg,City,A city at night,130,70,,city,,,,,,1,,\r\n",
            Write(Dreamstime.Profile, row).Split("\r\n")[1] + "\r\n");
    }

    [Fact]
    public void Pond5_never_claims_a_release_is_on_file_because_one_is_needed()
    {
        var portrait = Row("portrait.jpg", "Smiling woman in a sunlit park at golden hour", keywords: ["woman", "smile", "park", "portrait", "summer"]);
        portrait = portrait with { Metadata = portrait.Metadata with { Flags = ContentFlags.PeopleReleaseNeeded | ContentFlags.PropertyReleaseNeeded } };

        var row = Write(Pond5.Profile, portrait).Split("\r\n")[1];

        Assert.Equal(
            "portrait.jpg,Smiling woman in a sunlit park at golden hour,,\"woman,smile,park,portrait,summer\",,,,,,,,,,,,",
            row);
    }

    [Fact]
    public void Alamy_writes_its_licence_type_and_y_n_flags()
    {
        var row = Row("street.jpg", description: "Busy street") with
        {
            Metadata = new ImageMetadata { Description = "Busy street", Flags = ContentFlags.Editorial | ContentFlags.PropertyReleaseNeeded },
        };
        var cells = Write(Alamy.Profile, row, Row("hill.jpg")).Split("\r\n");

        Assert.Equal("street.jpg,Busy street,,RF-E,,,,,,,Y,,,,,,", cells[1]);
        Assert.Equal("hill.jpg,,,RF,,,,,,,N,,,,,,", cells[2]);
    }

    [Theory]
    [InlineData("Red, white and blue", "\"Red, white and blue\"")]
    [InlineData("The \"best\" view", "\"The \"\"best\"\" view\"")]
    [InlineData("Two\nlines", "\"Two\nlines\"")]
    [InlineData("Carriage\rreturn", "\"Carriage\rreturn\"")]
    [InlineData("Café über 東京 🌅", "Café über 東京 🌅")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1 sunny day", "1 sunny day")]
    [InlineData("@home", "home")]
    [InlineData("- dash first", "dash first")]
    [InlineData("\t=cmd", "cmd")]
    [InlineData("Mid-day = noon", "Mid-day = noon")]
    public void Title_cells_are_escaped_and_defused(string title, string cell)
    {
        var csv = Write(AdobeStock.Profile, Row("a.jpg", title));

        Assert.Equal($"a.jpg,{cell},\"\",,\"\"\r\n", csv[(csv.IndexOf("\r\n", StringComparison.Ordinal) + 2)..]);
    }

    [Fact]
    public void Keywords_are_defused_one_by_one_and_file_names_are_never_changed()
    {
        var csv = Write(Shutterstock.Profile, Row("=odd name.jpg", "t", "d", ["=cmd", "sky", "  ", "-", "sea"]));

        Assert.EndsWith("\r\n=odd name.jpg,d,\"cmd,sky,sea\",,no,no,no\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_is_written_before_the_first_row_is_asked_for()
    {
        using var writer = new StringWriter();

        AgencyCsvWriter.Write(writer, Vecteezy.Profile, RowsCheckingThatTheHeaderIsOut(writer));

        Assert.Equal("Filename,Title,Description,Keywords\r\na.jpg,,,\r\n", writer.ToString());
    }

    private static IEnumerable<CsvRow> RowsCheckingThatTheHeaderIsOut(StringWriter writer)
    {
        Assert.Equal("Filename,Title,Description,Keywords\r\n", writer.ToString());
        yield return Row("a.jpg");
    }

    [Fact]
    public void An_agency_without_csv_is_refused_with_advice()
    {
        var noCsv = AdobeStock.Profile with { Name = "Canva", Csv = null };

        var error = Assert.Throws<ArgumentException>(() => AgencyCsvWriter.Write(TextWriter.Null, noCsv, []));

        Assert.StartsWith("Canva has no CSV upload: embed the metadata in the files instead.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "46-69-6C")]
    [InlineData(true, "EF-BB-BF-46-69-6C")]
    public void Encoding_writes_a_bom_only_when_the_format_asks(bool bom, string firstBytes)
    {
        var format = Vecteezy.Profile.Csv!.Value with { Utf8Bom = bom };
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, AgencyCsvWriter.EncodingFor(format), leaveOpen: true))
        {
            AgencyCsvWriter.WriteRows(writer, format, "vecteezy", [Row("ü.jpg")]);
        }

        var bytes = stream.ToArray();
        Assert.Equal(firstBytes, BitConverter.ToString(bytes, 0, bom ? 6 : 3));
        Assert.EndsWith("\r\nü.jpg,,,\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void No_agency_format_writes_a_bom()
    {
        Assert.All(AgencyCatalog.All, agency => Assert.Empty(AgencyCsvWriter.EncodingFor(agency.Csv!.Value).GetPreamble()));
        Assert.Empty(AgencyCsvWriter.EncodingFor(NativeCsv.Format).GetPreamble());
    }

    [Fact]
    public void Partition_splits_at_the_row_limit_and_numbers_the_files()
    {
        var rows = Enumerable.Range(1, 300).Select(number => Row($"{number}.jpg")).ToList();

        var batches = AgencyCsvWriter.Partition(GettyImages.Profile, rows).ToList();

        Assert.Equal(["getty-images.csv", "getty-images-2.csv", "getty-images-3.csv"], batches.Select(batch => batch.FileName));
        Assert.Equal([128, 128, 44], batches.Select(batch => batch.Rows.Count));
        Assert.Equal(rows, batches.SelectMany(batch => batch.Rows));
    }

    [Fact]
    public void Partition_keeps_adobe_under_5000_rows_a_file()
    {
        var batches = AgencyCsvWriter.Partition(AdobeStock.Profile, Enumerable.Range(0, 5001).Select(number => Row($"{number}.jpg"))).ToList();

        Assert.Equal([("adobe-stock.csv", 5000), ("adobe-stock-2.csv", 1)], batches.Select(batch => (batch.FileName, batch.Rows.Count)));
    }

    [Fact]
    public void Partition_without_a_limit_gives_one_file_and_no_rows_give_none()
    {
        Assert.Equal(["shutterstock.csv"], AgencyCsvWriter.Partition(Shutterstock.Profile, [Row("a.jpg"), Row("b.jpg")]).Select(batch => batch.FileName));
        Assert.Empty(AgencyCsvWriter.Partition(Shutterstock.Profile, []));
        Assert.Empty(AgencyCsvWriter.Partition(AdobeStock.Profile, []));
    }
}
