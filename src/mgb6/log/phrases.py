"""The words around the food in a line people write as they speak: framing, chatter and joiners.

Kept apart from the logic in segment.py so that a new way of saying "I had" is a data change. Every
pattern here is matched case-insensitively against the line as written. What is framing is decided by
what a word carries: "For lunch I had", "I treated myself to", "a delicious", "this morning" say nothing
about the food and go; "low in sugar", "from school", "small", "large", "homemade" narrow the food and stay.
"""

from __future__ import annotations

# Meal words that may open or close a sentence ("For lunch", "as an afternoon snack"); the item's meal is
# the first of these a framing phrase names (see MEAL_OF).
MEAL_WORDS = (
    "breakfast", "brunch", "lunch", "lunchtime", "dinner", "dinnertime", "supper", "snack", "snacks",
    "snacktime", "dessert", "desserts", "elevenses", "meal", "treat", "bite", "pick-me-up", "tea",
    "break", "routine", "menu", "refreshment", "refreshments", "nightcap", "feeding", "indulgence",
    "reward", "delight", "pleasure", "meal time", "mealtime", "feast",
)  # fmt: skip
# The meal an item gets from a framing word (words not listed here set none).
MEAL_OF = {
    "breakfast": "breakfast", "brunch": "brunch", "lunch": "lunch", "lunchtime": "lunch",
    "dinner": "dinner", "dinnertime": "dinner", "supper": "supper", "snack": "snack", "snacks": "snack",
    "snacktime": "snack", "dessert": "dessert", "desserts": "dessert", "elevenses": "elevenses",
    "tea": "tea",
}  # fmt: skip
# Words that may stand before a meal word inside a framing phrase ("my quick mid-morning snack").
MEAL_MODIFIERS = (
    "quick", "light", "late", "early", "little", "small", "big", "simple", "healthy", "tasty", "delicious",
    "satisfying", "hearty", "lazy", "weekend", "sunday", "saturday", "mid-morning", "midmorning",
    "morning", "afternoon", "evening", "late-night", "night", "nighttime", "night-time", "midnight",
    "post-workout", "pre-workout", "after-school", "school", "work", "office", "packed", "daily", "usual",
    "sweet", "savory", "savoury", "main", "first", "second", "last", "family", "sit-down", "mid-day",
    "midday", "afternoon's", "evening's", "morning's", "easy", "nutritious", "balanced", "filling",
    "wholesome", "protein-packed", "energizing", "refreshing", "indulgent", "well-deserved", "proper",
    "relaxed", "leisurely", "hurried", "fast", "late-afternoon", "early-morning", "mid-afternoon",
    "late-morning", "after-dinner", "bedtime", "on-the-go", "cozy", "cosy", "special", "festive",
)  # fmt: skip
# Who ate (the subject of a framing sentence).
SUBJECTS = ("i", "we", "i've", "i'm", "i'd", "we've", "we're", "ive", "im", "my family and i", "my kids")
# The people whose food a line says it was ("the kids' mac and cheese", "my son's leftover fries"): whose it
# was, never a food.
OWNERS = (
    "son", "daughter", "kid", "kids", "child", "children", "wife", "husband", "partner", "friend", "friends",
    "mom", "mum", "dad", "boyfriend", "girlfriend", "baby", "toddler", "roommate", "flatmate", "colleague",
    "coworker", "brother", "sister", "family", "grandma", "grandpa", "nan", "boss",
)  # fmt: skip
# Adverbs that may stand between the subject and the verb ("I also had", "I just grabbed").
ADVERBS = (
    "also", "just", "then", "really", "finally", "quickly", "happily", "simply", "later", "first",
    "eventually", "again", "even", "totally", "gladly", "recently", "earlier", "actually", "decided to",
    "went ahead and", "chose to", "got to", "managed to", "wanted to", "had to", "couldn't resist",
    "decided to", "opted to", "made sure to", "took the time to", "took a moment to", "like to", "love to",
    "always", "usually", "often", "only", "merely",
)  # fmt: skip
# Verbs (with the words that follow them) meaning "ate" or "drank". Longer phrases come first.
EATING_VERBS = (
    "treated myself to", "treated myself with", "indulged myself in", "indulged in", "opted for",
    "went for", "settled for", "settled on", "decided on", "snacked on", "munched on", "nibbled on",
    "chowed down on", "feasted on", "dined on", "fueled up on", "fueled up with", "fuelled up on",
    "fuelled up with", "refueled with", "refuelled with", "tucked into", "dug into", "filled up on",
    "satisfied my hunger with", "satisfied my craving with", "satisfied my sweet tooth with",
    "started my day with", "started the day with", "started my morning with", "started off with",
    "kicked off my day with", "kicked off the day with", "began my day with", "began the day with",
    "ended my day with", "finished off with", "finished with", "polished off", "gulped down",
    "washed it down with", "helped myself to", "made myself", "whipped up", "picked up",
    "am enjoying", "am having", "am eating", "am drinking", "was enjoying", "was having",
    "have been enjoying", "had", "have", "having", "ate", "eat", "eaten", "eating", "enjoyed", "enjoy",
    "enjoying", "drank", "drink", "drinking", "drunk", "sipped", "sipping", "sip", "savored", "savoured",
    "savoring", "savouring", "savor", "savour", "devoured", "consumed", "grabbed", "grab", "got",
    "chose", "picked", "relished", "prepared", "cooked", "made", "ordered", "bought", "tried",
    "downed", "finished", "indulged", "snacked", "munched", "nibbled", "included", "packed", "fixed",
    "shared", "split", "baked", "heated up", "warmed up", "mixed", "stirred", "added",
    "indulge in", "treat myself to", "savor", "savour", "sip on", "sipped on", "snack on", "munch on",
    "reached for", "poured myself", "poured", "brewed", "brewed myself", "quenched my thirst with",
    "fixed myself", "went with", "stuck with", "kept it simple with", "kept it light with",
    "kicked off my morning with", "began my morning with", "started my afternoon with",
    "ended my night with", "ended my evening with", "finished my meal with", "rounded out my meal with",
    "capped off my meal with", "topped off my meal with", "complemented my meal with", "relish",
    "served myself", "helped myself to", "dished up", "plated up", "served up", "dished out", "cooked up",
    "fried up", "heated", "warmed", "snagged", "picked out",
    "delighted in", "chewed on", "chewed", "gnawed on", "spooned up", "dipped into", "offered",
    "gave my baby", "gave my son", "gave my daughter", "fed my baby", "fed",
    "paired", "fueled my body with", "fuelled my body with", "nourished myself with", "cooled off with",
    "peeled", "opened", "unwrapped", "squeezed", "put together", "refreshed myself with",
    "couldn't resist", "could not resist", "couldn’t resist", "mixed up", "mixed myself", "blended up",
    "blended", "stirred up", "shook up", "made up",
    "quench my thirst with", "hydrated with", "kept hydrated with", "stayed hydrated with",
    "warmed up with", "tried out", "sampled", "tasted", "took", "consumed about", "loved",
    "used",  # what went into the food ("I used the juice of one lime", "used 2 tbsp olive oil")
)  # fmt: skip
# What a meal "was" ("My afternoon snack consisted of", "Lunch today was", "This evening's dinner included").
MEAL_VERBS = (
    "consisted of", "consists of", "was made up of", "is made up of", "was comprised of", "comprised",
    "included", "includes", "including", "featured", "features", "featuring", "was", "were", "is",
    "are", "had", "has", "contained", "contains", "started with", "began with", "centered on",
    "centred on", "revolved around", "was all about", "involved", "looked like", "came with",
    "concluded with", "ended with", "wrapped up with", "finished with", "kicked off with", "began with",
)  # fmt: skip
# Times and places that say when, not what ("this morning", "at work").
TIME_WORDS = (
    "this morning", "this afternoon", "this evening", "tonight", "today", "yesterday", "last night",
    "earlier today", "earlier", "later", "just now", "right now", "in the morning", "in the afternoon",
    "in the evening", "at night", "late at night", "before bed", "before bedtime", "at home", "at work",
    "at the office", "on the go", "on the run", "on my way to work", "after my workout", "after the gym",
    "before my workout", "after work", "after school", "midday", "at noon", "around noon",
    "between meals", "on my plate", "on the plate", "this morning for breakfast",
    # when in the day's doings: "a protein shake after gym", "2 eggs after my run"
    "after gym", "after my run", "after a run", "after running", "after my walk", "after a walk",
    "after practice", "after class", "after training", "post workout", "post-workout", "pre workout",
    "pre-workout", "before work", "before the gym", "before gym", "before my run", "before school",
    "on the way to work", "on my way to work", "on the way", "on my way", "at my desk", "in the car",
    "on the train",
)  # fmt: skip
# Words that praise a food without naming anything about it: dropped wherever they stand. None appears
# in a USDA description (checked against data/foods.csv) except "delicious" (Golden/Red Delicious apples,
# kept when "golden" or "red" stands before it) and "juicy" (kept before "juice").
CHATTER = (
    "tasty", "yummy", "scrumptious", "satisfying", "refreshing", "delightful", "lovely", "nice",
    "comforting", "wholesome", "flavorful", "flavourful", "mouthwatering", "mouth-watering", "amazing",
    "wonderful", "fantastic", "favorite", "favourite", "indulgent", "decadent", "tempting",
    "irresistible", "nourishing", "nutritious", "invigorating", "energizing", "energising", "luscious",
    "steaming", "piping", "velvety", "cozy", "cosy", "succulent", "fragrant", "aromatic", "scrumptuous",
    "heavenly", "divine", "appetizing", "appetising", "enjoyable", "pleasant", "fabulous", "awesome",
    "beloved", "trusty", "go-to", "well-deserved", "much-needed", "guilt-free", "bubbly", "hearty",
    "expertly", "neatly", "convenient", "handy", "delectable", "exquisite", "sumptuous", "warm",
    "fluffy", "vibrant", "zingy", "simply", "generously", "carefully", "lovingly", "beautifully", "slowly",
    "gently", "thoroughly", "tastefully", "thirst-quenching", "revitalizing", "revitalising", "zesty",
    "invigorating", "delightfully", "wonderfully", "satisfyingly", "pleasantly", "leftover", "leftovers",
    "classic", "generous", "substantial", "soothing", "pure", "strong", "local",
)  # fmt: skip
# "that was low in sugar": the relative clause's opening words go, what it says stays.
# Nouns for how a food tastes or feels, never a food: a sentence's part ending in one ("that irresistible
# nacho cheese flavor", "fruity goodness", "a flavor twist") describes a food the line names elsewhere.
SENSE_NOUNS = (
    "flavor", "flavour", "flavors", "flavours", "flavoring", "taste", "tastes", "goodness", "texture",
    "textures", "notes", "note", "aroma", "aromas", "twist", "kick", "zing", "tang", "crunch", "sweetness",
    "richness", "freshness", "creaminess", "spiciness", "saltiness", "bitterness", "sourness", "tartness",
    "fizz", "boost", "pick-me-up", "finish", "touch", "hint", "essence", "undertones", "vibes",
)  # fmt: skip
# Words that open what a food came without ("minus the pepperoni", "hold the mayo", "no gravy"): such a
# part names a food that was not eaten.
LEFT_OUT_OPENERS = (
    "minus", "without", "except", "excluding", "hold", "sans", "no", "not", "skipping", "skip", "free",
)  # fmt: skip
# Words that report how much a food came to ("a pork chop, weighing around 3 oz", "a bottle of cola that
# contained 20 fl oz", "measuring out just an ounce"): they go, and the amount after them stays with the
# food before them. Only before an amount (segment.py): "containing chicken" still names a food.
AMOUNT_REPORTERS = (
    "weighing", "weighed", "weighs", "measuring", "measured", "measures", "totaling", "totalling",
    "amounting", "coming in", "that contained", "that contains", "that holds", "that held", "which held",
    "which contained", "which holds", "that weighed", "which weighed", "containing", "holding",
)  # fmt: skip
AMOUNT_FILLERS = (
    "in", "out", "at", "to", "about", "around", "roughly", "approximately", "nearly", "almost", "just",
    "only", "exactly", "precisely", "a total of", "up to", "some",
)  # fmt: skip
# What was taken off before the amount was measured ("3 oz after removing the bone", "5.5 ounces once the
# bone was taken away"): the amount is of what was eaten, which is how USDA's rows weigh it.
INEDIBLE_PARTS = (
    "bone",
    "bones",
    "skin",
    "fat",
    "pit",
    "pits",
    "shell",
    "shells",
    "peel",
    "rind",
    "core",
    "seeds",
)
# ... and words that anywhere in a part say it was set apart ("leaving the skin aside").
LEFT_OUT_MARKERS = ("aside",)
RELATIVE_OPENERS = (
    "that was", "that were", "that is", "that are", "which was", "which were", "which is", "which are",
    "that had", "which had", "that has", "which has", "that i made", "that i had", "which i had",
)  # fmt: skip
# A trailing clause that only comments ("..., making my breakfast both easy and delicious").
TRAILING_CLAUSES = (
    "making", "which made", "that made", "which kept", "that kept", "perfect for", "ideal for",
    "great for", "to start", "to end", "to kick off", "to fuel", "to round off", "to round out",
    "to finish", "to cap off", "to power", "to satisfy", "to keep", "to curb", "to tide", "to get",
    "to boost", "to refuel", "to recharge", "for a boost", "for an energy boost", "for some energy",
    "as a treat", "as a reward", "it was", "so good", "so tasty", "so delicious", "what a", "yum",
    "which was delicious", "which was tasty", "and it was", "because", "since",
    "every bite", "every bit", "every sip", "every spoonful", "every mouthful", "every morsel",
    "each bite", "each sip", "savoring its", "savouring its", "savoring every", "savouring every",
    "relishing the", "relishing its", "relishing every", "bringing a", "ensuring", "following the",
    "hitting the spot", "that hit the spot", "which hit the spot", "really hit the spot", "hit the spot",
    "giving me", "providing a", "providing me", "leaving me", "keeping me", "adding a delightful",
    "adding a touch", "adding a nice", "creating a", "offering a", "for a satisfying", "for a delightful",
    "for a refreshing", "for a comforting", "for a perfect", "for that perfect", "to add", "to enhance",
    "to complement", "to balance", "to make", "to help", "to quench", "to wash", "to brighten",
    "to complete", "to accompany", "and it", "it yielded", "that yielded", "which yielded",
    "enjoying its", "enjoying the", "enjoying every", "enjoying each", "enjoying how", "allowing me",
    "which left me", "that left me", "leaving me feeling", "feeling", "with each bite", "with every bite",
    "to rehydrate", "to munch on", "to snack on", "to nibble on", "to share", "appreciating",
    "perfect for starting", "great for", "which is great", "which is perfect", "a perfect",
    "to ensure", "to cool off", "to cool down", "to warm up", "to stay", "to wind down", "to unwind",
    "to relax", "to hydrate", "to perk", "savoring their", "savouring their", "enjoying their",
    "relishing their", "for the healthy", "for their", "keeping it", "keeping things", "keeping the meal",
    "both keeping", "for a light", "for a sweet", "ready to enjoy", "ready to eat", "keeping my",
    "just what i needed", "just what i wanted", "exactly what i needed", "to kickstart", "to kick-start",
    "to jumpstart", "to jump-start", "that really hit", "with a friend", "with friends", "with my friend",
    "with my friends", "with my family", "with the family", "with my kids", "with the kids", "with my wife",
    "with my husband", "with my partner", "with coworkers", "with my coworkers", "with colleagues",
    "with my colleagues", "with my mom", "with my dad", "to share with",
    "which really hit", "that truly hit", "finding it", "that woke",
)  # fmt: skip
# Joiners between two foods, longest first. Commas and ";" are joiners too (segment.py); a comma that
# only adds a qualifier ("eggs, scrambled") is rejoined by the resolution step, never here.
JOINERS = (
    "along with", "together with", "as well as", "alongside", "accompanied by", "complemented by",
    "followed by", "paired with", "topped with", "served with", "garnished with", "drizzled with",
    "sprinkled with", "washed down with", "with a side of", "and a side of", "plus a side of",
    "on the side with", "and then", "and also", "plus", "and", "with", "w/", "&", "+", "then",
    "filled with", "stuffed with", "enriched with", "enhanced with", "complete with", "piled high with",
    "made with", "loaded with", "featuring", "consisting of", "that included", "including",
    "complemented with", "while sipping on", "while sipping", "while enjoying", "while drinking",
    "while eating", "while having", "while munching on", "combined with", "mixed with", "tossed with",
    "blended with", "dressed with", "smothered in", "smothered with", "covered in", "covered with",
    "served over", "served on", "served alongside", "packed with", "brimming with", "bursting with",
    "nestled between", "nestled in", "drenched in", "enhanced by", "accented with", "studded with",
    "infused with", "swirled with", "layered with", "sandwiched between", "coated in", "coated with",
    "dipped in", "glazed with", "frosted with", "spread with", "cooked with", "cooked in", "prepared with",
    "simmered in", "tossed in", "fried in", "sauteed in", "sautéed in", "baked with", "roasted in",
    "wrapped in", "wrapped up in", "rolled up in", "tucked into a", "tucked in",
    # what one food was put into or onto: "a tablespoon of honey mixed into my tea"
    "mixed into", "stirred into", "added to", "poured into", "poured over", "drizzled over",
    "sprinkled on", "sprinkled over", "spread on", "spread over",
)  # fmt: skip
# Joiners that put another food beside the one before ("alongside a small bag of Fritos"): where a clause
# about the eater ends (segment.py), so the food after it is never lost with the clause.
BESIDE_JOINERS = (
    "and", "plus", "alongside", "along with", "paired with", "accompanied by", "complemented by",
    "together with", "served with", "followed by", "washed down with", "with", "as well as",
)  # fmt: skip
# Verbs that start another food after a comma or "and" in a sentence ("..., and washed it down with a
# cup of water", "... and relished a burger"); segment.py allows "it"/"them" and "down", "off", "with" after
# them. Read as joiners.
LATER_VERBS = (
    "enjoyed", "relished", "savored", "savoured", "added", "paired", "complemented", "washed", "finished",
    "rounded", "topped", "capped", "had", "ate", "drank", "sipped", "grabbed", "treated", "indulged",
    "followed", "balanced", "accompanied", "chased", "polished", "munched", "snacked", "nibbled",
    "devoured", "tried", "sampled", "included", "threw in", "tossed in", "finishing", "washing",
    "rounding", "pairing", "complementing", "topping", "capping", "chasing", "following", "chewed",
    "delighted in", "adding", "stirring in", "mixing in", "spreading", "drizzling", "sprinkling",
)  # fmt: skip
# Words that say how a food was made or served, never which food: a part made only of these ("cooked",
# "melted and served warm", "coated") is a qualifier of its neighbour, never a food by itself.
HOW_WORDS = (
    "cooked", "raw", "fried", "deep-fried", "pan-fried", "stir-fried", "baked", "boiled", "hard-boiled",
    "soft-boiled", "grilled", "roasted", "steamed", "broiled", "poached", "scrambled", "sauteed", "sautéed",
    "toasted", "microwaved", "melted", "warmed", "heated", "chilled", "served", "warm", "hot", "cold",
    "coated", "breaded", "battered", "flaked", "sliced", "diced", "chopped", "shredded", "grated",
    "mashed", "whipped", "seasoned", "salted", "unsalted", "lightly", "well", "done", "crispy", "crisp",
    "crunchy", "tender", "fresh", "freshly", "prepared", "made", "homemade", "home-cooked", "drained",
    "rinsed", "peeled", "skinless", "boneless", "plain", "simple", "piled", "high", "topped", "filled",
    "stuffed", "loaded", "dipped", "drizzled", "sprinkled", "garnished", "glazed", "frosted", "iced",
    "canned", "frozen", "dried", "instant", "from", "scratch", "style", "expertly", "neatly", "placed",
    "ready-to-eat", "ready-to-drink", "store-bought", "packaged", "bottled", "enriched", "enhanced",
    "complete", "it", "them", "all", "just", "right", "both", "either", "also", "then", "too", "some",
    "extra", "more", "a", "an", "the", "and", "or", "of", "in", "on", "to", "with", "my", "its", "their",
    "bit", "touch", "little", "lot", "way", "like", "perfection", "choice", "option", "free", "side",
    "single", "included", "left", "up", "ready", "eat", "yet", "simply", "generously", "so", "very",
    "filling", "light", "satisfying", "enough", "good", "great", "healthy", "quick", "easy", "rich",
    "packed", "brimming", "completely", "various", "assorted", "full", "flavor", "flavour", "flavors",
    "flavored", "flavoured", "soft",
    "size", "sized", "perfectly", "sifted", "divided", "rinsed", "beaten", "softened", "room",
    "temperature", "packed", "trimmed", "halved", "quartered", "cubed", "crushed", "finely", "roughly",
    "thinly", "coarsely", "cut", "into", "pieces", "strips", "rounds", "wedges", "cored", "seeded", "pitted",
    "zested", "juiced", "squeezed", "fresh-squeezed", "thawed", "at", "for", "chilled", "warmed", "cooled",
    "separated", "minced", "julienned", "deveined", "deseeded", "stemmed", "smashed", "patted", "dry",
    # what a product is fortified with ("orange juice with calcium", "packed with vitamin C"): it says
    # which product, never a food of its own
    "calcium", "vitamin", "vitamins", "c", "d", "iron", "minerals", "electrolytes", "antioxidants",
    "probiotics", "fortified", "added", "sweetened", "unsweetened", "lightly-sweetened",
)  # fmt: skip
# Purposes that say why, not what ("for flavor", "for added richness"): dropped wherever they stand.
PURPOSES = (
    "flavor", "flavour", "sweetness", "richness", "crunch", "texture", "color", "colour", "protein",
    "energy", "fiber", "fibre", "hydration", "balance", "zest", "kick", "boost", "freshness",
    "creaminess", "heat", "spice", "tang", "taste", "fun", "comfort", "nutrition", "satisfaction",
    "touch", "twist", "change", "note", "pick-me-up", "refreshment", "indulgence", "snack-time treat",
)  # fmt: skip
# Words that end a food list by themselves ("... on the side", "... to drink"): dropped.
TAIL_WORDS = ("on top", "on top of it", "on top of that", "over the top", "on it", "over it", "on them",
              "on the side", "to drink", "to go", "for afters", "as a side", "as well", "too",
              "alongside", "alongside it", "alongside that", "with it", "with that", "also", "with them",
              "along with it", "to enjoy", "to sip", "to perfection", "from scratch", "from my garden",
              "from our garden", "from the garden", "from work", "from the store",
              "just right", "just the way i like it", "in the middle of the day", "to taste", "or to taste",
              "as needed", "for garnish", "for serving", "plus more for serving", "optional", "(optional)",
              "if desired")  # fmt: skip
# Bare meal labels: a line that is only one of these (with "-", ":" or "was" after it) names no food.
# "tea" is not among them: alone on a line it is the drink.
LABEL_WORDS = (
    "breakfast", "brunch", "lunch", "dinner", "supper", "snack", "snacks", "dessert", "desserts",
    "elevenses", "meal", "meals", "morning", "afternoon", "evening", "night", "drinks", "beverages",
    "supplements", "pre-workout", "post-workout", "preworkout", "postworkout", "late snack",
    "morning snack", "afternoon snack", "evening snack", "night snack", "midnight snack",
)  # fmt: skip
