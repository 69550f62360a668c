/// Words that carry no content, in Dutch and English (folded: lowercase, no accents): the
/// Snowball project's stop lists for both languages, with the modal and auxiliary verb
/// forms and function words they leave out. Content words that are merely frequent
/// ("overheid", "mensen") are not listed: their weight falls by how many insights hold them.
enum StopWords {
    static let dutch: Set<String> = [
        // Snowball's Dutch list.
        "de", "en", "van", "ik", "te", "dat", "die", "in", "een", "hij", "het", "niet", "zijn", "is", "was", "op",
        "aan", "met", "als", "voor", "had", "er", "maar", "om", "hem", "dan", "zou", "of", "wat", "mijn", "men",
        "dit", "zo", "door", "over", "ze", "zich", "bij", "ook", "tot", "je", "mij", "uit", "der", "daar", "haar",
        "naar", "heb", "hoe", "heeft", "hebben", "deze", "u", "want", "nog", "zal", "me", "zij", "nu", "ge", "geen",
        "omdat", "iets", "worden", "toch", "al", "waren", "veel", "meer", "doen", "toen", "moet", "ben", "zonder",
        "kan", "hun", "dus", "alles", "onder", "ja", "eens", "hier", "wie", "werd", "altijd", "doch", "wordt",
        "wezen", "kunnen", "ons", "zelf", "tegen", "na", "reeds", "wil", "kon", "niets", "uw", "iemand", "geweest",
        "andere",
        // Modal and auxiliary verbs, pronouns, determiners, adverbs and prepositions beyond it.
        "mag", "mogen", "moeten", "kunt", "hoeft", "hoeven", "hoef", "wij", "jij", "jou", "jouw", "jullie", "onze",
        "elk", "elke", "ieder", "iedere", "alle", "waar", "waarom", "wanneer", "zodat", "terwijl", "welke", "welk",
        "dezelfde", "zelfde", "zoals", "erbij", "ervan", "erop", "eraan", "ermee", "erin", "erover", "daarom",
        "daarbij", "nooit", "gaat", "gaan", "laat", "laten", "zullen", "zouden", "eigen", "via", "zodra", "naast",
        "tijdens", "binnen", "buiten", "sinds", "vanaf", "tussen", "rond", "langs", "sommige", "enkele", "iedereen",
        "niemand", "niks", "ergens", "overal", "zeer", "heel", "erg", "vaak", "soms", "weer", "even", "echt",
        "gewoon", "daarna", "doet", "deed", "gedaan", "hebt", "wel", "weet", "weten", "wilt", "willen",
        "word", "werden", "hen", "dien", "diens", "wiens", "zulke", "zulk", "ander", "anders",
    ]

    static let english: Set<String> = [
        // Snowball's English list.
        "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself",
        "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself",
        "they", "them", "their", "theirs", "themselves", "what", "which", "who", "whom", "this", "that", "these",
        "those", "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having", "do",
        "does", "did", "doing", "would", "should", "could", "ought", "a", "an", "the", "and", "but", "if", "or",
        "because", "as", "until", "while", "of", "at", "by", "for", "with", "about", "against", "between",
        "into", "through", "during", "before", "after", "above", "below", "to", "from", "up", "down", "in",
        "out", "on", "off", "over", "under", "again", "further", "then", "once", "here", "there", "when",
        "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such",
        "no", "nor", "not", "only", "own", "same", "so", "than", "too", "very",
        // Modal verbs and function words beyond it.
        "can", "will", "just", "must", "may", "might", "shall", "also", "every", "always", "never", "without",
        "via", "let", "lets",
    ]

    /// Words that turn the next content word into its opposite ("niet-digitaal", "geen
    /// wachttijd"): marked, so "digitaal" and "niet digitaal" count against each other.
    static let negations: Set<String> = ["niet", "geen", "nooit", "zonder", "not", "no", "never", "non", "without"]

    static func contains(_ word: String) -> Bool { dutch.contains(word) || english.contains(word) }
}
