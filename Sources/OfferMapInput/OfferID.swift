import OfferMapModel

/// The offer-id rule, one for institution files and spreadsheet rows: a given id must be a slug
/// not used before in the institution; without one, an offer gets the slug of its title
/// ("angebot" when that is empty), made unique with -2, -3, ….
enum OfferID {
    static func resolve(given: String?, title: String, taken: [String], at location: SourceLocation,
                        diagnostics: inout Diagnostics) -> String {
        guard let given else { return derived(title, taken: taken) }
        if !Slug.isValid(given) {
            diagnostics.error(.badOfferID, location, "'\(given)' is not a valid offer id",
                              suggestion: "use lower-case letters, digits and hyphens, e.g. '\(Slug.make(given))'")
        } else if taken.contains(given) {
            diagnostics.error(.duplicateOfferID, location, "offer id '\(given)' is used twice in this institution",
                              suggestion: "give each offer its own id")
        }
        return given
    }

    /// The id of an offer that gives none (an institution file leaves out an id equal to it).
    static func derived(_ title: String, taken: [String]) -> String {
        var id = Slug.make(title)
        if id.isEmpty { id = "angebot" }
        let base = id
        var counter = 2
        while taken.contains(id) { id = "\(base)-\(counter)"; counter += 1 }
        return id
    }
}
