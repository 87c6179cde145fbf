using TagMyStock.Core.Agencies;
using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Csv;

public sealed class MetadataCsvReaderTests
{
    public static TheoryData<string> AgencyIds => [.. AgencyCatalog.All.Select(agency => agency.Id)];

    private static CsvReadResult Read(string csv, string? agencyIdHint = null) => MetadataCsvReader.Read(new StringReader(csv), agencyIdHint);

    /// <summary>A row carrying exactly what the agency's CSV can carry, so writing and reading it changes nothing.</summary>
    private static CsvRow RowFor(AgencyProfile agency, int number)
    {
        var fields = agency.Csv!.Value.Columns.Select(column => column.Field).ToHashSet();
        var categoryColumns = agency.Csv.Value.Columns.Count(column => column.Field == CsvField.Category);
        string[] codes = ["112", "31", "168"];
        var flags = new[]
        {
            (CsvField.Editorial, ContentFlags.Editorial),
            (CsvField.MatureContent, ContentFlags.MatureContent),
            (CsvField.Illustration, ContentFlags.Illustration),
            (CsvField.PeopleReleaseNeeded, ContentFlags.PeopleReleaseNeeded),
            (CsvField.PropertyReleaseNeeded, ContentFlags.PropertyReleaseNeeded),
        }.Where(flag => fields.Contains(flag.Item1) && number % 2 == 1).Aggregate(ContentFlags.None, (all, flag) => all | flag.Item2);
        var metadata = new ImageMetadata
        {
            Title = fields.Contains(CsvField.Title) ? $"Title {number}, with \"quotes\"" : "",
            Description = fields.Contains(CsvField.Description) ? $"Description {number}; été\nsecond line" : "",
            Keywords = ["sky", $"keyword {number}", "blue sea"],
            Flags = flags,
        };
        if (categoryColumns > 0)
        {
            metadata = metadata.WithCategory(agency.Id, string.Join(',', codes.Take(Math.Max(categoryColumns, 2))));
        }

        return new CsvRow($"image_{number}.jpg", metadata)
        {
            Prompt = fields.Contains(CsvField.Prompt) ? $"prompt {number}; \"quoted\"" : null,
            Model = fields.Contains(CsvField.Model) ? "Midjourney 6" : null,
            Releases = fields.Contains(CsvField.Releases) ? ["Jane Doe", "John Roe"] : [],
        };
    }

    private static string WriteAgency(AgencyProfile agency, IEnumerable<CsvRow> rows)
    {
        using var writer = new StringWriter();
        AgencyCsvWriter.Write(writer, agency, rows);
        return writer.ToString();
    }

    [Theory]
    [MemberData(nameof(AgencyIds))]
    public void Reading_an_agencys_own_output_gives_the_same_rows(string id)
    {
        var agency = AgencyCatalog.Find(id)!;
        var rows = Enumerable.Range(1, 3).Select(number => RowFor(agency, number)).ToList();

        var result = Read(WriteAgency(agency, rows), id);

        Assert.Empty(result.Errors);
        Assert.Equal((agency.Name, id), (result.FormatName, result.AgencyId));
        Assert.Equal(rows, result.Rows);
    }

    [Theory]
    [InlineData("adobe", "adobe")]
    [InlineData("shutterstock", "shutterstock")]
    [InlineData("getty", "getty")]
    [InlineData("pond5", "pond5")]
    [InlineData("dreamstime", "dreamstime")]
    [InlineData("123rf", "123rf")]
    [InlineData("alamy", "alamy")]
    [InlineData("freepik", "freepik")]
    [InlineData("depositphotos", "depositphotos")]
    [InlineData("vecteezy", null)]
    public void The_layout_is_recognised_from_the_header_alone(string id, string? recognisedAgency)
    {
        var agency = AgencyCatalog.Find(id)!;
        var rows = new[] { RowFor(agency, 1) };

        var result = Read(WriteAgency(agency, rows));

        // Vecteezy's four columns are also TagMyStock's own: the rows read the same either way.
        Assert.Equal(recognisedAgency, result.AgencyId);
        Assert.Empty(result.Errors);
        Assert.Equal(rows, result.Rows);
    }

    [Fact]
    public void A_subset_of_native_columns_in_any_order_and_case_is_read()
    {
        var result = Read("keywords,FILENAME,Description,title\r\n\"sky , sea;  sun\",a.jpg,Wide sky,Sky\r\n");

        Assert.Empty(result.Errors);
        Assert.Equal(NativeCsv.FormatName, result.FormatName);
        var row = Assert.Single(result.Rows);
        Assert.Equal(new CsvRow("a.jpg", new ImageMetadata { Title = "Sky", Description = "Wide sky", Keywords = ["sky", "sea", "sun"] }), row);
    }

    [Fact]
    public void The_fields_are_those_the_header_has_columns_for()
    {
        var native = Read("Keywords,Filename,AI generated,Notes\r\na.jpg,sky,no,private\r\n");
        var shutterstock = Read("Filename,Description,Keywords,Categories,Editorial,Mature content,illustration\r\n");

        Assert.Equal([CsvField.FileName, CsvField.Keywords, CsvField.AiGenerated], native.Fields.Order());
        Assert.Equal(
            [CsvField.FileName, CsvField.Description, CsvField.Keywords, CsvField.Category, CsvField.Editorial, CsvField.MatureContent, CsvField.Illustration],
            shutterstock.Fields.Order());
        Assert.Empty(Read("Name,Caption text\r\n").Fields);
    }

    [Theory]
    [InlineData("Filename;Title;Keywords", "TagMyStock")]
    [InlineData("Filename,Description,Keywords,Categories", "TagMyStock")]
    [InlineData("Filename,Title,Keywords,Category", "Adobe Stock")]
    [InlineData("file name,title", "Getty Images / iStock")]
    [InlineData("Filename,Caption,Tags", "Alamy")]
    public void Hand_made_headers_are_recognised(string header, string formatName)
    {
        var result = Read(header + "\r\n");

        Assert.Empty(result.Errors);
        Assert.Equal(formatName, result.FormatName);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void Any_line_end_is_read_and_quotes_are_kept_where_spreadsheets_leave_them(string newLine)
    {
        var result = Read($"Filename,Title,Description{newLine}a.jpg,5\" print,\"x\"y{newLine}b.jpg,B,\"1{newLine}2\"{newLine}c.jpg,,");

        Assert.Empty(result.Errors);
        Assert.Equal(["5\" print", "B", ""], result.Rows.Select(row => row.Metadata.Title));
        Assert.Equal(["xy", $"1{newLine}2", ""], result.Rows.Select(row => row.Metadata.Description));
    }

    [Fact]
    public void A_semicolon_file_with_a_bom_and_lf_line_ends_is_read()
    {
        var result = Read("\uFEFFFilename;Title;AI generated;Editorial;Illustration\na.jpg;Sky, at noon;1;TRUE;Y\nb.jpg;Sea;0;false;n\n");

        Assert.Empty(result.Errors);
        Assert.Equal(
            [
                new CsvRow("a.jpg", new ImageMetadata { Title = "Sky, at noon", Flags = ContentFlags.AiGenerated | ContentFlags.Editorial | ContentFlags.Illustration }),
                new CsvRow("b.jpg", new ImageMetadata { Title = "Sea" }),
            ],
            result.Rows);
    }

    [Fact]
    public void Shutterstock_categories_are_read_back_under_its_id()
    {
        var result = Read("Filename,Description,Keywords,Categories,Editorial,Mature content,illustration\r\nfox.jpg,Fox,fox,\"Animals/Wildlife, Nature\",no,yes,no\r\n");

        var row = Assert.Single(result.Rows);
        Assert.Equal("shutterstock", result.AgencyId);
        Assert.Equal("Animals/Wildlife,Nature", row.Metadata.CategoryFor("shutterstock"));
        Assert.Equal(ContentFlags.MatureContent, row.Metadata.Flags);
    }

    [Fact]
    public void A_bad_row_is_reported_by_line_and_the_others_are_read()
    {
        var result = Read(
            "Filename,Title,Description\r\n"
                + "a.jpg,A,\"two\r\nlines\"\r\n"
                + "b.jpg,B\r\n"
                + ",No name,x\r\n"
                + "c.jpg,C,too,many\r\n"
                + "\r\n"
                + "d.jpg,D,d\r\n"
                + ",, \r\n");

        Assert.Equal(["a.jpg", "d.jpg"], result.Rows.Select(row => row.FileName));
        Assert.Equal(
            [
                new CsvRowError(4, "This row has 2 values but the header has 3 columns, so it was skipped."),
                new CsvRowError(5, "This row has no file name, so it cannot be matched to an image and was skipped."),
                new CsvRowError(6, "This row has 4 values but the header has 3 columns, so it was skipped."),
            ],
            result.Errors);
    }

    [Fact]
    public void An_unterminated_quote_is_reported_at_the_line_it_opens_and_earlier_rows_are_kept()
    {
        var result = Read("Filename,Title\r\na.jpg,A\r\nb.jpg,\"B never closed\r\nc.jpg,C\r\n");

        Assert.Equal(["a.jpg"], result.Rows.Select(row => row.FileName));
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_header_gives_one_error_listing_the_expected_columns()
    {
        var result = Read("Name,Caption text\r\na.jpg,Sky\r\n");

        Assert.Equal(("unknown", null), (result.FormatName, result.AgencyId));
        Assert.Empty(result.Rows);
        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.StartsWith("The header \"Name, Caption text\" matches no CSV layout TagMyStock knows: it has no file name column.", error.Message, StringComparison.Ordinal);
        Assert.Contains(NativeCsv.Format.Columns.Select(column => column.Header), header => error.Message.Contains(header, StringComparison.Ordinal));
        Assert.Contains("Adobe Stock, Shutterstock", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n")]
    [InlineData("\uFEFF")]
    public void An_empty_file_gives_one_error(string csv)
    {
        var error = Assert.Single(Read(csv).Errors);

        Assert.StartsWith("The file is empty: expected a header line such as Filename,Title,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_columns_are_reported_once_and_the_rows_still_read()
    {
        var result = Read("Filename,Title,Notes\r\na.jpg,Sky,private\r\n");

        Assert.Equal([new CsvRowError(1, "Column \"Notes\" is not part of the TagMyStock CSV and was ignored.")], result.Errors);
        Assert.Equal("Sky", Assert.Single(result.Rows).Metadata.Title);
    }

    [Fact]
    public void Unreadable_values_are_reported_and_the_row_is_kept()
    {
        var result = Read("Filename,Editorial,Categories\r\na.jpg,maybe,adobe=3|Nature\r\n");

        var row = Assert.Single(result.Rows);
        Assert.Equal(ContentFlags.None, row.Metadata.Flags);
        Assert.Equal("3", row.Metadata.CategoryFor("adobe"));
        Assert.Equal(
            [
                new CsvRowError(2, "\"Editorial\" should be yes or no, not \"maybe\"; it was read as no."),
                new CsvRowError(2, "Category \"Nature\" does not say which agency it is for: write it as agency=code, e.g. adobe=3."),
            ],
            result.Errors);
    }

    [Fact]
    public void The_hint_picks_the_agency_and_a_mismatched_header_is_reported()
    {
        Assert.Equal("vecteezy", Read("Filename,Title\r\na.jpg,Sky\r\n", "vecteezy").AgencyId);
        Assert.Equal(
            "The header \"Name, Title\" does not fit the Adobe Stock CSV, whose header is Filename,Title,Keywords,Category,Releases.",
            Assert.Single(Read("Name,Title\r\na.jpg,Sky\r\n", "adobe").Errors).Message);
        Assert.StartsWith("\"fotolia\" is not an agency TagMyStock knows (adobe, ", Assert.Single(Read("Filename\r\na.jpg\r\n", "fotolia").Errors).Message, StringComparison.Ordinal);
    }
}
