using TagMyStock.Core.Metadata;
using TagMyStock.Core.Rules;
using TagMyStock.Core.Tagging;

namespace TagMyStock.Core.Preparation;

public sealed class KeptEvidenceTests
{
    private static readonly Evidence GoldenRetriever = new("golden retriever", [EvidenceSource.Hint, EvidenceSource.Pixels], 0.9) { Reasons = ["measured"] };
    private static readonly Evidence Beach = new("beach", [EvidenceSource.FileName], 0.6);
    private static readonly Evidence Cheap = new("cheap", [EvidenceSource.Lexicon], 0.3);
    private static readonly Evidence People = new(EvidenceTerm.Of(ContentFlags.PeopleReleaseNeeded), [EvidenceSource.Pixels], 0.9) { Reasons = ["1 face, 18 % of the frame"] };
    private static readonly Evidence Ai = new(EvidenceTerm.Of(ContentFlags.AiGenerated), [EvidenceSource.GenerationPrompt], 1);
    private static readonly Evidence Animals = new(EvidenceTerm.Of("adobe", "1"), [EvidenceSource.Hint], 1) { Reasons = ["Animals, for \"golden retriever\""] };
    private static readonly Evidence Wildlife = new(EvidenceTerm.Of("shutterstock", "Animals/Wildlife"), [EvidenceSource.Hint], 1);
    private static readonly Evidence Nature = new(EvidenceTerm.Of("shutterstock", "Nature"), [EvidenceSource.FileName], 0.6);
    private static readonly Evidence Title = new(EvidenceTerm.Title, [EvidenceSource.SimilarImages], 0.93) { Reasons = ["title of IMG_0412.jpg, similarity 0.93"] };
    private static readonly Evidence[] Engine = [GoldenRetriever, Beach, Cheap, People, Ai, Animals, Wildlife, Nature, Title];

    private static readonly ImageMetadata Tagged = new()
    {
        Title = "Golden retriever on a beach",
        Keywords = ["golden retriever", "beach", "cheap"],
        Flags = ContentFlags.PeopleReleaseNeeded | ContentFlags.AiGenerated,
        Categories = new Dictionary<string, string> { ["adobe"] = "1", ["shutterstock"] = "Animals/Wildlife,Nature" },
    };

    [Fact]
    public void Metadata_kept_as_the_engine_wrote_it_keeps_all_its_evidence_keywords_then_flags_then_categories_then_title()
    {
        Assert.Equal(Engine, KeptEvidence.For(Tagged, Engine, Tagged.Title, rules: null));
    }

    [Fact]
    public void A_keyword_the_rules_require_says_so_and_one_they_removed_loses_its_evidence()
    {
        var rules = new UserRules { RequiredKeywords = ["acme"], BannedWords = ["cheap"] };

        var kept = KeptEvidence.For(rules.Apply(Tagged), Engine, Tagged.Title, rules);

        Assert.Equal(["golden retriever", "beach", "acme"], kept.Where(e => EvidenceTerm.IsKeyword(e.Term)).Select(e => e.Term));
        var acme = kept.Single(e => e.Term == "acme");
        Assert.Equal([EvidenceSource.UserRules], acme.Sources);
        Assert.Equal([KeptEvidence.RequiredByRules], acme.Reasons);
    }

    [Fact]
    public void A_required_keyword_the_engine_also_found_keeps_the_engines_evidence()
    {
        var rules = new UserRules { RequiredKeywords = ["Beaches"] };

        var kept = KeptEvidence.For(rules.Apply(Tagged), Engine, Tagged.Title, rules);

        Assert.Same(Beach, kept.Single(e => e.Term == "beach"));
    }

    [Fact]
    public void Words_split_from_a_phrase_keep_the_phrases_sources_and_say_where_they_come_from()
    {
        var rules = new UserRules { SingleWordKeywordsOnly = true };

        var kept = KeptEvidence.For(rules.Apply(Tagged), Engine, Tagged.Title, rules);

        var golden = kept.Single(e => e.Term == "golden");
        var retriever = kept.Single(e => e.Term == "retriever");
        Assert.All([golden, retriever], word =>
        {
            Assert.Equal(GoldenRetriever.Sources, word.Sources);
            Assert.Equal(GoldenRetriever.Score, word.Score);
            Assert.Equal(["measured", "a word of \"golden retriever\""], word.Reasons);
        });
    }

    [Fact]
    public void A_title_changed_after_the_engine_and_a_flag_taken_away_lose_their_evidence()
    {
        var changed = Tagged with { Title = "Golden Retriever on a Beach", Flags = ContentFlags.AiGenerated };

        var kept = KeptEvidence.For(changed, Engine, Tagged.Title, rules: null);

        Assert.DoesNotContain(Title, kept);
        Assert.DoesNotContain(People, kept);
        Assert.Contains(Ai, kept);
    }

    [Fact]
    public void A_category_changed_after_the_engine_loses_its_evidence_and_one_left_keeps_it()
    {
        var changed = Tagged.WithCategory("adobe", "11").WithCategory("shutterstock", "Nature");

        var kept = KeptEvidence.For(changed, Engine, Tagged.Title, rules: null);

        Assert.DoesNotContain(Animals, kept);
        Assert.DoesNotContain(Wildlife, kept);
        Assert.Contains(Nature, kept);
    }
}
