/// What kind of problem a diagnostic reports, for tools, editors and tests: the message is for
/// people and may change, the id stays. Written as dotted names (`input.unknown-category`) at the
/// edge (`--diagnostics json`). Every id a diagnostic can have is listed below, with its meaning.
///
/// - `input.*`: the content of an input, wherever it is written (institution file, county.yaml,
///   taxonomy.yaml, spreadsheet row).
/// - `sheet.*`: what only a spreadsheet for `import` can get wrong (columns, cells, quoting);
///   `import.*`: what importing it would do to existing files.
/// - `template.*`, `jsonl.*`: a user's template; the JSON Lines of `classify` and `eval`.
public struct DiagnosticID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

extension DiagnosticID {
    // Reading a file
    /// The file cannot be opened or read.
    public static let unreadableFile = DiagnosticID(rawValue: "input.unreadable-file")
    /// The file is above the size limit.
    public static let fileTooLarge = DiagnosticID(rawValue: "input.file-too-large")
    /// The file holds nothing (or only blanks).
    public static let emptyFile = DiagnosticID(rawValue: "input.empty-file")
    /// The file is UTF-16; offermap reads UTF-8.
    public static let utf16 = DiagnosticID(rawValue: "input.utf16")
    /// The file holds a NUL byte: binary data, not text.
    public static let binaryFile = DiagnosticID(rawValue: "input.binary-file")
    /// The bytes are not valid UTF-8 (often Windows-1252).
    public static let notUTF8 = DiagnosticID(rawValue: "input.not-utf8")

    // Folders and file names
    /// A county folder's name is not a valid id.
    public static let badCountyID = DiagnosticID(rawValue: "input.bad-county-id")
    /// An institution's id (file name or spreadsheet cell) is not a valid id.
    public static let badInstitutionID = DiagnosticID(rawValue: "input.bad-institution-id")
    /// A file in institutions/ that does not end in .md is ignored.
    public static let ignoredFile = DiagnosticID(rawValue: "input.ignored-file")
    /// A county has no institution files yet.
    public static let noInstitutions = DiagnosticID(rawValue: "input.no-institutions")
    /// A county folder has no county.yaml.
    public static let missingCountyFile = DiagnosticID(rawValue: "input.missing-county-file")

    // Front matter and YAML
    /// An institution file does not start with a '---' line.
    public static let missingFrontMatter = DiagnosticID(rawValue: "input.missing-front-matter")
    /// The front matter has no closing '---' line.
    public static let unclosedFrontMatter = DiagnosticID(rawValue: "input.unclosed-front-matter")
    /// The YAML part holds no fields.
    public static let emptyYAML = DiagnosticID(rawValue: "input.empty-yaml")
    /// libyaml cannot read the text at all (encoding, reader errors).
    public static let unreadableYAML = DiagnosticID(rawValue: "input.unreadable-yaml")
    /// The YAML has a syntax error (scanner, parser or composer).
    public static let invalidYAML = DiagnosticID(rawValue: "input.invalid-yaml")
    /// A tab character in indentation.
    public static let tabIndentation = DiagnosticID(rawValue: "input.tab-indentation")
    /// A YAML anchor or alias (& and *), which offermap refuses.
    public static let yamlAnchor = DiagnosticID(rawValue: "input.yaml-anchor")
    /// A line indented beyond the limit.
    public static let deepIndentation = DiagnosticID(rawValue: "input.deep-indentation")
    /// YAML nested beyond the limit.
    public static let deepNesting = DiagnosticID(rawValue: "input.deep-nesting")
    /// A key appears twice in one mapping; reported at the repeat, with a note at the first.
    public static let duplicateKey = DiagnosticID(rawValue: "input.duplicate-key")

    // Fields and their values
    /// A required field or value is absent.
    public static let missingField = DiagnosticID(rawValue: "input.missing-field")
    /// A field nobody reads (a typo, most often).
    public static let unknownField = DiagnosticID(rawValue: "input.unknown-field")
    /// 'key: value' lines were expected.
    public static let expectedMapping = DiagnosticID(rawValue: "input.expected-mapping")
    /// A single text was expected.
    public static let expectedText = DiagnosticID(rawValue: "input.expected-text")
    /// A list was expected.
    public static let expectedList = DiagnosticID(rawValue: "input.expected-list")
    /// true/false (ja/nein in a spreadsheet) was expected.
    public static let expectedBoolean = DiagnosticID(rawValue: "input.expected-boolean")
    /// A number (in range) was expected.
    public static let expectedNumber = DiagnosticID(rawValue: "input.expected-number")
    /// A date that cannot be read.
    public static let badDate = DiagnosticID(rawValue: "input.bad-date")
    /// An institution lists no offers.
    public static let noOffers = DiagnosticID(rawValue: "input.no-offers")
    /// An offer id is not a valid id.
    public static let badOfferID = DiagnosticID(rawValue: "input.bad-offer-id")
    /// An offer id appears twice in one institution.
    public static let duplicateOfferID = DiagnosticID(rawValue: "input.duplicate-offer-id")

    // Taxonomy terms
    /// An institution type the taxonomy does not know.
    public static let unknownType = DiagnosticID(rawValue: "input.unknown-type")
    /// A phase the taxonomy does not know.
    public static let unknownPhase = DiagnosticID(rawValue: "input.unknown-phase")
    /// A category the taxonomy does not know.
    public static let unknownCategory = DiagnosticID(rawValue: "input.unknown-category")
    /// A target group the taxonomy does not know.
    public static let unknownTargetGroup = DiagnosticID(rawValue: "input.unknown-target-group")
    /// A cost the taxonomy does not know.
    public static let unknownCost = DiagnosticID(rawValue: "input.unknown-cost")
    /// A format the taxonomy does not know.
    public static let unknownFormat = DiagnosticID(rawValue: "input.unknown-format")
    /// A spoken language that is neither an ISO 639-1 code nor a known name.
    public static let unknownLanguage = DiagnosticID(rawValue: "input.unknown-language")
    /// A label that fits several terms of a list; the id must be written.
    public static let ambiguousTerm = DiagnosticID(rawValue: "input.ambiguous-term")
    /// A taxonomy id is not a valid id.
    public static let badTermID = DiagnosticID(rawValue: "input.bad-term-id")
    /// A taxonomy id appears twice in one list.
    public static let duplicateTermID = DiagnosticID(rawValue: "input.duplicate-term-id")

    // The county
    /// county.yaml asks for a report language offermap has no texts for.
    public static let unsupportedReportLanguage = DiagnosticID(rawValue: "input.unsupported-report-language")
    /// The accent colour is not a colour like #1d4f91.
    public static let badColour = DiagnosticID(rawValue: "input.bad-colour")
    /// White text on the accent colour is too hard to read.
    public static let lowContrast = DiagnosticID(rawValue: "input.low-contrast")
    /// The logo is not an image file in the county's folder.
    public static let badLogo = DiagnosticID(rawValue: "input.bad-logo")
    /// The logo file does not exist.
    public static let missingLogo = DiagnosticID(rawValue: "input.missing-logo")
    /// The logo file is above the size limit.
    public static let largeLogo = DiagnosticID(rawValue: "input.large-logo")

    // Referrals
    /// refers_to names no institution of the county (or, in a spreadsheet, no id or name of the table).
    public static let brokenReferral = DiagnosticID(rawValue: "input.broken-referral")
    /// An institution refers to itself.
    public static let selfReferral = DiagnosticID(rawValue: "input.self-referral")

    // Classification
    /// An offer fits no phase or no category and is listed for review.
    public static let unclassifiedOffer = DiagnosticID(rawValue: "input.unclassified-offer")

    // Spreadsheets (import)
    /// A quoted cell is never closed.
    public static let unclosedQuote = DiagnosticID(rawValue: "sheet.unclosed-quote")
    /// A header names no known column; the column is ignored.
    public static let unknownColumn = DiagnosticID(rawValue: "sheet.unknown-column")
    /// Two header cells name the same column.
    public static let duplicateColumn = DiagnosticID(rawValue: "sheet.duplicate-column")
    /// A column the import needs is missing.
    public static let missingColumn = DiagnosticID(rawValue: "sheet.missing-column")
    /// Rows of one institution give different values for the same column.
    public static let conflictingCell = DiagnosticID(rawValue: "sheet.conflicting-cell")
    /// An e-mail or phone cell cannot be given to exactly one contact person.
    public static let ambiguousContact = DiagnosticID(rawValue: "sheet.ambiguous-contact")
    /// A contact line that cannot be read (no name, an unknown part).
    public static let badContact = DiagnosticID(rawValue: "sheet.bad-contact")
    /// The institution file exists with other content, and --force was not given.
    public static let fileDiffers = DiagnosticID(rawValue: "import.file-differs")

    // Templates and JSON Lines
    /// A template (the user's or shipped) cannot be parsed.
    public static let brokenTemplate = DiagnosticID(rawValue: "template.broken")
    /// A line of a JSON Lines file is not a JSON object.
    public static let notAnObject = DiagnosticID(rawValue: "jsonl.not-an-object")

    /// Every id, for documentation and for tests that check each is used once.
    public static let all: [DiagnosticID] = [
        .unreadableFile, .fileTooLarge, .emptyFile, .utf16, .binaryFile, .notUTF8,
        .badCountyID, .badInstitutionID, .ignoredFile, .noInstitutions, .missingCountyFile,
        .missingFrontMatter, .unclosedFrontMatter, .emptyYAML, .unreadableYAML, .invalidYAML, .tabIndentation,
        .yamlAnchor, .deepIndentation, .deepNesting, .duplicateKey,
        .missingField, .unknownField, .expectedMapping, .expectedText, .expectedList, .expectedBoolean, .expectedNumber,
        .badDate, .noOffers, .badOfferID, .duplicateOfferID,
        .unknownType, .unknownPhase, .unknownCategory, .unknownTargetGroup, .unknownCost, .unknownFormat, .unknownLanguage,
        .ambiguousTerm, .badTermID, .duplicateTermID,
        .unsupportedReportLanguage, .badColour, .lowContrast, .badLogo, .missingLogo, .largeLogo,
        .brokenReferral, .selfReferral, .unclassifiedOffer,
        .unclosedQuote, .unknownColumn, .duplicateColumn, .missingColumn, .conflictingCell, .ambiguousContact, .badContact,
        .fileDiffers, .brokenTemplate, .notAnObject,
    ]
}
