namespace FerOrleans.Hosting;

/// <summary>How silos and clients find each other.</summary>
public enum ClusteringKind
{
    /// <summary>One machine, development membership hosted by the primary silo; the embedded default.</summary>
    Localhost,

    /// <summary>Membership in Azure Table Storage (or Azurite); several silo processes or pods.</summary>
    AzureTable,
}
