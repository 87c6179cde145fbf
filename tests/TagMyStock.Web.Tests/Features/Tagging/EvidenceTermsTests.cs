using TagMyStock.Core.Metadata;
using TagMyStock.Core.Tagging;

namespace TagMyStock.Web.Features.Tagging;

public sealed class EvidenceTermsTests
{
    [Fact]
    public void A_chip_names_the_strongest_source_faces_for_what_the_detector_saw_and_counts_the_others()
    {
        Assert.Equal("hint +1", EvidenceTerms.ShortLabel(new Evidence("cup", [EvidenceSource.Hint, EvidenceSource.FileName], 1.5)));
        Assert.Equal("faces", EvidenceTerms.ShortLabel(new Evidence("portrait", [EvidenceSource.Pixels], 0.8) { Reasons = ["1 face, 18 % of the frame"] }));
        Assert.Equal("pixels", EvidenceTerms.ShortLabel(new Evidence("texture", [EvidenceSource.Pixels], 0.6) { Reasons = ["fine surface detail"] }));
        Assert.Equal("similar images", EvidenceTerms.ShortLabel(new Evidence("ladybird", [EvidenceSource.SimilarImages], 0.9)));
    }

    [Fact]
    public void A_description_lists_every_source_and_reason_and_flags_round_trip()
    {
        var evidence = new Evidence("flag:people-release-needed", [EvidenceSource.Hint, EvidenceSource.Pixels], 0.9) { Reasons = ["2 faces, the largest 10 % of the frame"] };

        Assert.Equal("From your hint and the pixels: 2 faces, the largest 10 % of the frame.", EvidenceTerms.Describe(evidence));
        Assert.True(EvidenceTerm.IsFlag(evidence.Term));
        Assert.Equal(ContentFlags.PeopleReleaseNeeded, EvidenceTerm.Flag(evidence.Term));
        Assert.Equal(evidence.Term, EvidenceTerm.Of(ContentFlags.PeopleReleaseNeeded));
        Assert.Equal(ContentFlags.None, EvidenceTerm.Flag("espresso"));
    }
}
