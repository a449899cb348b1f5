namespace Vibe.Dashboard;

/// <summary>
/// What every page needs besides its data: who is looking, whether they may act (operator), the antiforgery field
/// each form carries, and a one-line notice after an action.
/// </summary>
public sealed record PageChrome(string User, bool CanAct, bool SignedIn, string FormField, string FormToken, string? Notice);
