package dev.herald.answer;

import java.util.Map;
import java.util.Set;

/** A small gazetteer of countries, US states, large cities and regions, for telling a place from a person. */
final class Places {

  /** What kind of place a name is. */
  enum Kind { REGION, COUNTRY, STATE, CITY }

  private static final Set<String> REGIONS = Set.of(
      "Africa", "Asia", "Europe", "North America", "South America", "Latin America", "Antarctica", "Oceania", "Middle East",
      "Caribbean", "Scandinavia", "Balkans", "Southeast Asia", "East Asia", "Central Asia", "Western Europe", "Eastern Europe",
      "Gaza", "Gaza Strip", "West Bank", "Crimea", "Donbas", "Kashmir", "Sahel", "Arctic", "Pacific", "Atlantic", "Midwest",
      "Southwest", "Northeast", "Southeast", "Northwest", "Siberia", "Patagonia", "Balochistan", "Darfur", "Tigray", "Kurdistan");
  private static final Set<String> COUNTRIES = Set.of(
      "Afghanistan", "Albania", "Algeria", "Angola", "Argentina", "Armenia", "Australia", "Austria", "Azerbaijan", "Bahrain",
      "Bangladesh", "Belarus", "Belgium", "Bolivia", "Bosnia", "Botswana", "Brazil", "Britain", "Great Britain", "Bulgaria",
      "Burkina Faso", "Cambodia", "Cameroon", "Canada", "Chad", "Chile", "China", "Colombia", "Congo", "Costa Rica", "Croatia",
      "Cuba", "Cyprus", "Czech Republic", "Czechia", "Denmark", "Dominican Republic", "Ecuador", "Egypt", "El Salvador",
      "England", "Eritrea", "Estonia", "Ethiopia", "Fiji", "Finland", "France", "Georgia", "Germany", "Ghana", "Greece",
      "Greenland", "Guatemala", "Haiti", "Honduras", "Hong Kong", "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq",
      "Ireland", "Israel", "Italy", "Ivory Coast", "Jamaica", "Japan", "Jordan", "Kazakhstan", "Kenya", "Kosovo", "Kuwait",
      "Kyrgyzstan", "Laos", "Latvia", "Lebanon", "Libya", "Lithuania", "Luxembourg", "Madagascar", "Malawi", "Malaysia",
      "Maldives", "Mali", "Malta", "Mexico", "Moldova", "Monaco", "Mongolia", "Montenegro", "Morocco", "Mozambique", "Myanmar",
      "Namibia", "Nepal", "Netherlands", "New Zealand", "Nicaragua", "Niger", "Nigeria", "North Korea", "North Macedonia",
      "Northern Ireland", "Norway", "Oman", "Pakistan", "Palestine", "Panama", "Papua New Guinea", "Paraguay", "Peru",
      "Philippines", "Poland", "Portugal", "Puerto Rico", "Qatar", "Romania", "Russia", "Rwanda", "Saudi Arabia", "Scotland",
      "Senegal", "Serbia", "Sierra Leone", "Singapore", "Slovakia", "Slovenia", "Somalia", "South Africa", "South Korea",
      "South Sudan", "Spain", "Sri Lanka", "Sudan", "Sweden", "Switzerland", "Syria", "Taiwan", "Tajikistan", "Tanzania",
      "Thailand", "Tunisia", "Turkey", "Türkiye", "Turkmenistan", "Uganda", "Ukraine", "United Arab Emirates", "UAE",
      "United Kingdom", "UK", "U.K.", "United States", "US", "U.S.", "USA", "America", "Uruguay", "Uzbekistan", "Vatican",
      "Venezuela", "Vietnam", "Wales", "Yemen", "Zambia", "Zimbabwe");
  private static final Set<String> STATES = Set.of(
      "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida", "Hawaii",
      "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts",
      "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey",
      "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island",
      "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington", "West Virginia",
      "Wisconsin", "Wyoming");
  private static final Set<String> CITIES = Set.of(
      "Abu Dhabi", "Accra", "Addis Ababa", "Amsterdam", "Anchorage", "Ankara", "Athens", "Atlanta", "Auckland", "Austin",
      "Baghdad", "Baku", "Bangkok", "Barcelona", "Beijing", "Beirut", "Belem", "Belém", "Belgrade", "Berlin", "Bern", "Bogota",
      "Bogotá", "Boston", "Brasilia", "Brussels", "Bucharest", "Budapest", "Buenos Aires", "Cairo", "Calgary", "Cape Town",
      "Caracas", "Chicago", "Copenhagen", "Dallas", "Damascus", "Delhi", "New Delhi", "Denver", "Detroit", "Doha", "Dubai",
      "Dublin", "Edinburgh", "Geneva", "Hanoi", "Havana", "Helsinki", "Houston", "Istanbul", "Jakarta", "Jeddah", "Jerusalem",
      "Johannesburg", "Kabul", "Karachi", "Kharkiv", "Khartoum", "Kyiv", "Kiev", "Lagos", "Las Vegas", "Lima", "Lisbon",
      "London", "Los Angeles", "Madrid", "Manchester", "Manila", "Melbourne", "Mexico City", "Miami", "Milan", "Minsk",
      "Montreal", "Moscow", "Mumbai", "Munich", "Nairobi", "New Orleans", "Odesa", "Odessa", "Oslo", "Ottawa", "Paris",
      "Philadelphia", "Phoenix", "Prague", "Pyongyang", "Rabat", "Riyadh", "Rio de Janeiro", "Rome", "San Francisco",
      "Santiago", "Sao Paulo", "São Paulo", "Seattle", "Seoul", "Shanghai", "St. Petersburg", "Stockholm",
      "Sydney", "Taipei", "Tallinn", "Tehran", "Tel Aviv", "The Hague", "Tokyo", "Toronto", "Tripoli", "Vancouver", "Vienna",
      "Vilnius", "Warsaw", "Washington, D.C.", "Wellington", "Zurich", "Davos", "Sharm el-Sheikh",
      "Riga", "Kherson", "Zaporizhzhia", "Mariupol", "Bakhmut", "Pokrovsk", "Rafah", "Khan Younis",
      "Hiroshima", "Nagasaki", "Osaka", "Kyoto", "Macau", "Shenzhen", "Wuhan", "Guangzhou", "Chengdu");

  // A state or country whose name is also its best-known city.
  private static final Set<String> ALSO_CITIES = Set.of("New York", "Washington", "Mexico", "Kuwait", "Singapore", "Panama",
      "Luxembourg", "Monaco", "Guatemala", "Djibouti", "Vatican");

  /** Adjectives whose country is not the adjective less its ending. */
  private static final Map<String, String> IRREGULAR = Map.ofEntries(
      Map.entry("Chinese", "China"), Map.entry("French", "France"), Map.entry("British", "Britain"),
      Map.entry("Dutch", "Netherlands"), Map.entry("Swiss", "Switzerland"), Map.entry("Greek", "Greece"),
      Map.entry("Turkish", "Turkey"), Map.entry("Spanish", "Spain"), Map.entry("Polish", "Poland"),
      Map.entry("Danish", "Denmark"), Map.entry("Swedish", "Sweden"), Map.entry("Finnish", "Finland"),
      Map.entry("Irish", "Ireland"), Map.entry("Thai", "Thailand"), Map.entry("Filipino", "Philippines"),
      Map.entry("Argentine", "Argentina"), Map.entry("Lebanese", "Lebanon"), Map.entry("Peruvian", "Peru"),
      Map.entry("Norwegian", "Norway"), Map.entry("Welsh", "Wales"), Map.entry("Scottish", "Scotland"),
      Map.entry("English", "England"), Map.entry("Israeli", "Israel"), Map.entry("Iraqi", "Iraq"),
      Map.entry("Pakistani", "Pakistan"), Map.entry("Afghan", "Afghanistan"), Map.entry("Saudi", "Saudi Arabia"),
      Map.entry("American", "United States"), Map.entry("Portuguese", "Portugal"), Map.entry("Sudanese", "Sudan"),
      Map.entry("Vietnamese", "Vietnam"), Map.entry("Taiwanese", "Taiwan"), Map.entry("Japanese", "Japan"),
      Map.entry("Yemeni", "Yemen"), Map.entry("Qatari", "Qatar"), Map.entry("Kuwaiti", "Kuwait"), Map.entry("Omani", "Oman"),
      Map.entry("Bangladeshi", "Bangladesh"), Map.entry("Nepali", "Nepal"), Map.entry("Somali", "Somalia"),
      Map.entry("Malaysian", "Malaysia"), Map.entry("Indonesian", "Indonesia"), Map.entry("Australian", "Australia"));

  private Places() {}

  /**
   * The country or region an adjective of place names ("North Korean" → "North Korea", "Saudi Arabian" →
   * "Saudi Arabia", "European" → "Europe", "Chinese" → "China"), or {@code null}.
   */
  static String ofAdjective(String adjective) {
    String a = adjective.strip().replaceAll("s$", "");
    String irregular = IRREGULAR.get(a);
    if (irregular != null) {
      return irregular;
    }
    for (String ending : new String[] {"n", "an", "ian", "ese", "i"}) {
      if (a.endsWith(ending) && a.length() > ending.length() + 2) {
        String stem = a.substring(0, a.length() - ending.length());
        for (String place : new String[] {stem, stem + "a", stem + "e", stem + "ia", stem + "y", stem + "o"}) {
          Kind k = of(place);
          if (k == Kind.COUNTRY || k == Kind.REGION) {
            return place;
          }
        }
      }
    }
    return null;
  }

  /** Whether a state or country name is also a city ("New York"). */
  static boolean alsoCity(String name) {
    return ALSO_CITIES.contains(name.strip());
  }

  /** Whether {@code name} is a known place, or ends with one ("Anchorage, Alaska", "northern Gaza"). */
  static boolean contains(String name) {
    return kind(name) != null;
  }

  /** The kind of a known place ("Anchorage, Alaska" is a city), or {@code null} for a name not known as a place. */
  static Kind kind(String name) {
    String n = name.strip();
    int and = n.indexOf(" and ");
    if (and > 0) {
      // "Sweden and Finland": two places of one kind are a place of that kind.
      Kind left = kind(n.substring(0, and));
      return left != null && left == kind(n.substring(and + 5)) ? left : null;
    }
    int comma = n.lastIndexOf(", ");
    if (comma > 0 && of(n.substring(comma + 2)) != null) {
      Kind first = of(n.substring(0, comma));
      return first != null ? first : Kind.CITY;
    }
    return of(n);
  }

  private static Kind of(String n) {
    if (CITIES.contains(n)) {
      return Kind.CITY;
    }
    if (STATES.contains(n)) {
      return Kind.STATE;
    }
    if (COUNTRIES.contains(n)) {
      return Kind.COUNTRY;
    }
    return REGIONS.contains(n) ? Kind.REGION : null;
  }
}
