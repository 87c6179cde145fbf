using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TagMyStock.Web.Features.Settings;

/// <summary>One account's working choices; a missing row means the defaults.</summary>
public sealed class AccountSettings
{
    public Guid AccountId { get; set; }

    /// <summary>Ids of the agencies the account submits to, in catalogue order, comma-separated.</summary>
    public string Agencies { get; set; } = "";

    /// <summary>The account's own rules as a rules file (<see cref="Core.Rules.UserRules.ToJson"/>); null when it has none.</summary>
    public string? Rules { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class AccountSettingsConfiguration : IEntityTypeConfiguration<AccountSettings>
{
    public void Configure(EntityTypeBuilder<AccountSettings> settings)
    {
        settings.ToTable("AccountSettings");
        settings.HasKey(s => s.AccountId);
        settings.Property(s => s.Agencies).HasMaxLength(300);
    }
}
