using TagMyStock.Core.Agencies.Profiles;
using TagMyStock.Core.Csv;

namespace TagMyStock.Core.Agencies;

public sealed class AgencyProfileTests
{
    public static TheoryData<string> AgencyIds => [.. AgencyCatalog.All.Select(agency => agency.Id)];

    private static AgencyProfile Agency(string id) => AgencyCatalog.Find(id) ?? throw new ArgumentException($"no agency {id}", nameof(id));

    [Fact]
    public void Ids_names_aliases_and_csv_file_names_are_unique_across_agencies()
    {
        var names = AgencyCatalog.All
            .SelectMany(agency => new[] { agency.Id, agency.Name }.Concat(agency.Aliases).Select(name => name.ToLowerInvariant()).Distinct())
            .ToList();
        var fileNames = AgencyCatalog.All.Select(agency => agency.Csv!.Value.FileName).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal(fileNames.Count, fileNames.Distinct().Count());
        Assert.DoesNotContain(NativeCsv.Format.FileName, fileNames);
    }

    [Theory]
    [MemberData(nameof(AgencyIds))]
    public void Profile_is_complete_and_consistent(string id)
    {
        var agency = Agency(id);
        var csv = agency.Csv!;
        var format = csv.Value;
        var headers = format.Columns.Select(column => column.Header.ToLowerInvariant()).ToList();
        var codes = agency.Categories.Value.Select(category => category.Code).ToList();

        Assert.Matches("^[a-z0-9]+$", agency.Id);
        Assert.False(string.IsNullOrWhiteSpace(agency.Name));
        Assert.All(
            new[] { agency.TitleMinLength.Source, agency.TitleMaxLength.Source, agency.DescriptionMaxLength.Source, agency.KeywordMin.Source, agency.KeywordMax.Source, agency.Categories.Source, agency.Ai.Source, csv.Source, agency.ReadsEmbeddedMetadata.Source },
            source => Assert.False(string.IsNullOrWhiteSpace(source)));
        Assert.True(agency.TitleMinLength.Value is null || agency.TitleMaxLength.Value is null || agency.TitleMinLength.Value < agency.TitleMaxLength.Value);
        Assert.True(agency.KeywordMin.Value is null || agency.KeywordMax.Value is null || agency.KeywordMin.Value < agency.KeywordMax.Value);
        Assert.InRange(agency.MaxCategories, 1, 3);
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Single(format.Columns, column => column.Field == CsvField.FileName);
        Assert.Equal(headers.Count, headers.Distinct().Count());
        Assert.EndsWith(".csv", format.FileName, StringComparison.Ordinal);
        Assert.DoesNotContain(format.Columns, column => column.Field == CsvField.CategoriesByAgency);
        Assert.True(agency.Ai.Value is AiPolicy.Accepted or AiPolicy.Unknown || agency.AiNote is not null, "a restricted AI policy needs a note");
        Assert.True(agency.FileName is null || !string.IsNullOrWhiteSpace(agency.FileName.Source));
    }

    [Theory]
    [InlineData("adobe", "Filename,Title,Keywords,Category,Releases")]
    [InlineData("shutterstock", "Filename,Description,Keywords,Categories,Editorial,Mature content,illustration")]
    [InlineData("getty", "file name,created date,description,country,brief code,title,keywords")]
    [InlineData("pond5", "originalfilename,title,description,keywords,city,region,country,location,specifysource,modelreleased,propertyreleased,release,copyright,setpriceforme,price,pricelarge")]
    [InlineData("dreamstime", "Filename,Image Name,Description,Category 1,Category 2,Category 3,keywords,Free,W-EL,P-EL,SR-EL,SR-Price,Editorial,MR doc Ids,Pr Docs")]
    [InlineData("123rf", "oldfilename,123rf_filename,description,keywords,country")]
    [InlineData("alamy", "Filename,Caption,Tags,License type,Username,Super Tags,Location,Date taken,Number of People,Model release,Is there property in this image,Property release,Primary category,Secondary category,Image Type,Exclusive to Alamy,Additional Info")]
    [InlineData("freepik", "Filename;Title;Keywords;Prompt;Model")]
    [InlineData("vecteezy", "Filename,Title,Description,Keywords")]
    [InlineData("depositphotos", "Filename,description,Keywords,Nudity,Editorial")]
    public void Csv_header_is_the_reference_header(string id, string header)
    {
        Assert.Equal(header, Agency(id).Csv!.Value.Header);
    }

    [Theory]
    [InlineData("adobe", Confidence.Verified)]
    [InlineData("shutterstock", Confidence.Verified)]
    [InlineData("getty", Confidence.Peer)]
    [InlineData("pond5", Confidence.Verified)]
    [InlineData("dreamstime", Confidence.Peer)]
    [InlineData("123rf", Confidence.Peer)]
    [InlineData("alamy", Confidence.Peer)]
    [InlineData("freepik", Confidence.Peer)]
    [InlineData("vecteezy", Confidence.Unverified)]
    [InlineData("depositphotos", Confidence.Peer)]
    public void Csv_confidence_follows_the_reference(string id, Confidence confidence)
    {
        Assert.Equal(confidence, Agency(id).Csv!.Confidence);
    }

    [Fact]
    public void Banned_ai_agencies_are_exactly_the_expected_ones()
    {
        var banned = AgencyCatalog.All.Where(agency => agency.Ai.Value == AiPolicy.Banned).Select(agency => agency.Id);

        Assert.Equal(["shutterstock", "getty", "pond5", "alamy", "depositphotos"], banned);
    }

    [Theory]
    [InlineData("adobe", AiPolicy.Accepted, Confidence.Verified)]
    [InlineData("shutterstock", AiPolicy.Banned, Confidence.Verified)]
    [InlineData("getty", AiPolicy.Banned, Confidence.Unverified)]
    [InlineData("pond5", AiPolicy.Banned, Confidence.Unverified)]
    [InlineData("dreamstime", AiPolicy.AcceptedWithConditions, Confidence.Unverified)]
    [InlineData("123rf", AiPolicy.Accepted, Confidence.Verified)]
    [InlineData("alamy", AiPolicy.Banned, Confidence.Unverified)]
    [InlineData("freepik", AiPolicy.Accepted, Confidence.Unverified)]
    [InlineData("vecteezy", AiPolicy.Unknown, Confidence.Unverified)]
    [InlineData("depositphotos", AiPolicy.Banned, Confidence.Verified)]
    public void Ai_policy_and_its_confidence_follow_the_reference(string id, AiPolicy policy, Confidence confidence)
    {
        Assert.Equal((policy, confidence), (Agency(id).Ai.Value, Agency(id).Ai.Confidence));
    }

    [Fact]
    public void Adobe_ai_flag_is_set_in_the_portal_and_tool_names_are_forbidden()
    {
        var adobe = AdobeStock.Profile;

        Assert.True(adobe.ForbidsAiToolNames);
        Assert.Contains("Created using generative AI tools", adobe.AiNote, StringComparison.Ordinal);
        Assert.Contains("People and Property are fictional", adobe.AiNote, StringComparison.Ordinal);
        Assert.Contains("no AI column", adobe.AiNote, StringComparison.Ordinal);
        Assert.DoesNotContain(adobe.Csv!.Value.Columns, column => column.Field == CsvField.AiGenerated);
    }

    [Fact]
    public void Ai_notes_carry_each_agencys_conditions()
    {
        Assert.Contains("AI-made", Dreamstime.Profile.AiNote, StringComparison.Ordinal);
        Assert.Contains("no face is generated", Dreamstime.Profile.AiNote, StringComparison.Ordinal);
        Assert.Contains("no real people, places or brands", Rf123.Profile.AiNote, StringComparison.Ordinal);
        Assert.Contains("Prompt and Model", Freepik.Profile.AiNote, StringComparison.Ordinal);
        Assert.Null(Vecteezy.Profile.AiNote);
    }

    [Fact]
    public void Limits_follow_the_reference_with_their_confidence()
    {
        Assert.Equal(Fact.Verified<int?>(70, AdobeStock.Profile.TitleMaxLength.Source), AdobeStock.Profile.TitleMaxLength);
        Assert.Equal((50, Confidence.Verified), (AdobeStock.Profile.KeywordMax.Value, AdobeStock.Profile.KeywordMax.Confidence));
        Assert.Equal((7, 50), (Shutterstock.Profile.KeywordMin.Value, Shutterstock.Profile.KeywordMax.Value));
        Assert.Equal((200, Confidence.Unverified), (Shutterstock.Profile.DescriptionMaxLength.Value, Shutterstock.Profile.DescriptionMaxLength.Confidence));
        Assert.Equal((40, 80, 2000), (Pond5.Profile.TitleMinLength.Value, Pond5.Profile.TitleMaxLength.Value, Pond5.Profile.DescriptionMaxLength.Value));
        Assert.Equal((5, 50), (Pond5.Profile.KeywordMin.Value, Pond5.Profile.KeywordMax.Value));
        Assert.Equal((5, 50, true), (Alamy.Profile.KeywordMin.Value, Alamy.Profile.KeywordMax.Value, Alamy.Profile.DescriptionRequired));
        Assert.Equal((5, 250, Confidence.Unverified), (Dreamstime.Profile.TitleMinLength.Value, Dreamstime.Profile.TitleMaxLength.Value, Dreamstime.Profile.TitleMaxLength.Confidence));
        Assert.Equal((7, 50, Confidence.Unverified), (Dreamstime.Profile.KeywordMin.Value, Dreamstime.Profile.KeywordMax.Value, Dreamstime.Profile.KeywordMin.Confidence));
    }

    [Theory]
    [InlineData("getty")]
    [InlineData("vecteezy")]
    [InlineData("depositphotos")]
    public void Limits_the_reference_does_not_give_stay_unknown(string id)
    {
        var agency = Agency(id);

        Assert.All(
            new[] { agency.TitleMinLength, agency.TitleMaxLength, agency.DescriptionMaxLength, agency.KeywordMin, agency.KeywordMax },
            limit => Assert.Equal(Fact.Unverified<int?>(null, "not found"), limit));
        Assert.Empty(agency.Categories.Value);
    }

    [Fact]
    public void Adobe_categories_are_numbered_1_to_21()
    {
        var categories = AdobeStock.Profile.Categories.Value;

        Assert.Equal(Enumerable.Range(1, 21).Select(number => number.ToString(System.Globalization.CultureInfo.InvariantCulture)), categories.Select(category => category.Code));
        Assert.Equal(new AgencyCategory("11", "Landscapes"), categories[10]);
        Assert.Equal(Confidence.Peer, AdobeStock.Profile.Categories.Confidence);
    }

    [Fact]
    public void Shutterstock_has_its_26_categories_coded_by_name()
    {
        var categories = Shutterstock.Profile.Categories.Value;

        Assert.Equal(26, categories.Count);
        Assert.All(categories, category => Assert.Equal(category.Name, category.Code));
        Assert.Contains(new AgencyCategory("Animals/Wildlife", "Animals/Wildlife"), categories);
        Assert.Equal(2, Shutterstock.Profile.MaxCategories);
    }

    [Fact]
    public void Dreamstime_categories_are_the_peer_numeric_ids()
    {
        var categories = Dreamstime.Profile.Categories.Value;

        Assert.Equal(Confidence.Peer, Dreamstime.Profile.Categories.Confidence);
        Assert.Contains(new AgencyCategory("112", "Abstract / Backgrounds"), categories);
        Assert.All(categories, category => Assert.Matches("^[0-9]+$", category.Code));
        Assert.Equal(3, Dreamstime.Profile.MaxCategories);
    }

    [Theory]
    [InlineData("adobe")]
    [InlineData("shutterstock")]
    [InlineData("pond5")]
    public void Csv_confidence_notice_is_silent_for_formats_the_agency_publishes(string id)
    {
        Assert.Null(Agency(id).CsvConfidenceNotice);
    }

    [Fact]
    public void Csv_confidence_notice_warns_about_peer_and_unverified_layouts()
    {
        Assert.Equal(
            "The Dreamstime CSV layout comes from peer tools, not from Dreamstime: check one row in its portal before a big upload, "
                + "or rely on the embedded IPTC/XMP, which most agencies read.",
            Dreamstime.Profile.CsvConfidenceNotice);
        Assert.StartsWith(
            "The Vecteezy CSV layout is a best guess that neither Vecteezy nor agreeing peer tools confirm: check one row",
            Vecteezy.Profile.CsvConfidenceNotice,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_confidence_notice_sends_agencies_without_csv_to_embedded_metadata()
    {
        var withoutCsv = AdobeStock.Profile with { Name = "Canva", Csv = null };

        Assert.Equal(
            "Canva has no CSV upload that TagMyStock knows of: embed the metadata in the files (IPTC/XMP) and upload those.",
            withoutCsv.CsvConfidenceNotice);
    }
}
