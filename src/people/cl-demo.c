/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "attendance/cl-attendance-demo.h"
#include "casework/cl-casework-demo.h"
#include "documents/cl-letterhead.h"
#include "people/cl-demo.h"
#include "people/cl-officer-repository.h"
#include "people/cl-people-error.h"
#include "people/cl-school-repository.h"
#include "people/cl-upn.h"
#include "store/cl-audit.h"
#include "store/cl-dates.h"
#include "store/cl-text.h"

/* How the demo authority is made
 * ------------------------------
 * 1. Officers (a manager, a senior EWO and EWOs) through the repository.
 * 2. Schools: the first dozen cover every type and phase, the rest are drawn
 *    with weights that make about 70% of them primaries. Each gets a plausible
 *    nominal roll; the rolls are scaled so that they add up to the number of
 *    pupils asked for, and number_on_roll is the real count.
 * 3. Every place on a roll becomes a "slot" with a year group spread evenly
 *    over the school's years. Families are formed by taking a free slot and
 *    finding siblings a few year groups apart, often at the same school when
 *    it has that year, otherwise anywhere: a Year 3 child's brother in Year 8
 *    is at a secondary school.
 * 4. Each family gets guardians (with and without parental responsibility),
 *    one naming culture or two, an address, phones and emails from ranges
 *    reserved for fiction (Ofcom drama numbers, example.org), then its
 *    children are written with prepared statements: this is the bulk, and is
 *    done here rather than through ClPupilRepository to stay fast.
 *
 * Every random choice comes from one GRand seeded with the options' seed and
 * is taken in a fixed order (no hash-table iteration), so a seed always gives
 * the same authority. */

/* --- reference tables -------------------------------------------------------- */

typedef struct
{
  const char *const *items;
  guint              n;
} Pool;

#define POOL(array) { array, G_N_ELEMENTS (array) }
#define NO_POOL { NULL, 0 }

typedef struct
{
  double weight;        /* share of families in an English school's area */
  double home_language; /* chance that the family's home language is not English */
  double welsh;         /* chance that a guardian prefers Welsh (in England) */
  Pool   female;
  Pool   male;
  Pool   adult_female;  /* parents' generation; empty means the children's names */
  Pool   adult_male;
  Pool   surnames;      /* "male|wife|daughter" where the forms differ */
  Pool   mother_surnames;
  Pool   languages;     /* home languages other than English */
} Culture;

/* English */
static const char *const en_f[] = {
  "Olivia", "Amelia", "Isla", "Ava", "Ivy", "Freya", "Lily", "Florence", "Mia", "Willow",
  "Rosie", "Sophia", "Isabella", "Grace", "Daisy", "Evie", "Poppy", "Ella", "Chloë", "Zoë",
  "Renée", "Ellie-May", "Lucy", "Emily", "Charlotte", "Hannah", "Jessica", "Megan", "Holly",
  "Elizabeth", "Katherine", "Maisie", "Phoebe", "Harriet", "Alexandra", "Lacey-Jo", "Eloïse",
};
static const char *const en_m[] = {
  "Oliver", "George", "Arthur", "Noah", "Leo", "Harry", "Oscar", "Archie", "Henry",
  "Theodore", "Freddie", "Jack", "Charlie", "Thomas", "Alfie", "Jacob", "Joshua", "William",
  "Alexander", "James", "Samuel", "Daniel", "Benjamin", "Edward", "Joseph", "Finley", "Riley",
  "Jayden", "Tyler", "Kai", "Louis", "Ethan", "Mason", "Reuben", "Stanley", "José", "Billy-Joe",
};
static const char *const en_adult_f[] = {
  "Sarah", "Emma", "Laura", "Gemma", "Kirsty", "Rebecca", "Claire", "Nicola", "Hayley", "Kelly",
  "Amy", "Stacey", "Lisa", "Joanne", "Rachel", "Victoria", "Leanne", "Danielle", "Natalie",
  "Charlotte", "Jodie", "Michelle", "Zoë", "Renée", "Anne-Marie",
};
static const char *const en_adult_m[] = {
  "Mark", "Paul", "Lee", "Craig", "Darren", "Gareth", "Stuart", "Jason", "Wayne", "Dean",
  "Matthew", "Christopher", "Andrew", "Richard", "Daniel", "Steven", "Simon", "Ryan", "Carl",
  "Adam", "Jamie", "Neil", "Scott", "José",
};
static const char *const en_surnames[] = {
  "Smith", "Jones", "Taylor", "Brown", "Wilson", "Johnson", "Robinson", "Wright", "Walker",
  "White", "Green", "Hall", "Wood", "Harris", "Clarke", "Jackson", "Turner", "Hill", "Cooper",
  "Ward", "Morris", "Moore", "King", "Baker", "Harrison", "Allen", "Scott", "Mitchell",
  "Carter", "Bailey", "Shaw", "Bennett", "Fletcher", "Marsh", "Holloway", "Whitfield",
  "Barnes", "Pearce", "Webb", "Chapman", "Smith-Jones", "Fox-Whitfield", "Ashworth-Hale",
  "D'Arcy", "Bright", "Lloyd-Webster",
};

/* Welsh */
static const char *const cy_f[] = {
  "Siân", "Ffion", "Cerys", "Angharad", "Seren", "Mali", "Efa", "Lowri", "Catrin", "Nia",
  "Megan", "Elin", "Gwen", "Carys", "Eleri", "Heledd", "Alaw", "Non", "Manon", "Nest",
  "Betsan", "Gwenllïan", "Llinos",
};
static const char *const cy_m[] = {
  "Rhys", "Gruffydd", "Dafydd", "Osian", "Ioan", "Gwion", "Llŷr", "Elis", "Macsen", "Cai",
  "Tomos", "Owain", "Iestyn", "Huw", "Emrys", "Aled", "Gethin", "Steffan", "Siôn", "Caradog",
};
static const char *const cy_adult_f[] = {
  "Siân", "Rhiannon", "Sioned", "Bethan", "Delyth", "Eirlys", "Nerys", "Gwenan", "Meinir",
  "Catrin", "Ffion", "Carys", "Elen",
};
static const char *const cy_adult_m[] = {
  "Rhodri", "Gareth", "Dylan", "Emyr", "Geraint", "Huw", "Iwan", "Aled", "Gwyn", "Meirion",
  "Dafydd", "Rhys",
};
static const char *const cy_surnames[] = {
  "Jones", "Davies", "Evans", "Williams", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan",
  "Griffiths", "Owen", "Rees", "Jenkins", "Price", "Powell", "Pritchard", "Parry", "Lloyd",
  "Llewellyn", "Vaughan", "Bowen", "ap Huw", "ap Rhys", "Prys", "Gruffydd", "Wyn", "Meredith",
  "Pryce-Hughes", "Lloyd-Evans", "Morgan-Jones",
};

/* Irish */
static const char *const ga_f[] = {
  "Siobhán", "Aoife", "Niamh", "Saoirse", "Caoimhe", "Róisín", "Orla", "Clodagh", "Ciara",
  "Sinéad", "Éabha",
};
static const char *const ga_m[] = {
  "Seán", "Ciarán", "Oisín", "Pádraig", "Cian", "Darragh", "Eoin", "Conor", "Declan", "Rónán",
};
static const char *const ga_surnames[] = {
  "O'Brien", "Ó Súilleabháin|Uí Shúilleabháin|Ní Shúilleabháin", "O'Neill", "Murphy",
  "McCarthy", "O'Connor", "Kelly", "Byrne", "Doyle", "O'Sullivan", "McLaughlin",
  "Ó Briain|Uí Bhriain|Ní Bhriain",
};

/* Pakistani heritage */
static const char *const pk_f[] = {
  "Aisha", "Zainab", "Maryam", "Fatima", "Ayesha", "Hafsa", "Inaaya", "Khadija", "Safiya",
  "Noor", "Zara", "Amira", "Sana", "Iqra",
};
static const char *const pk_m[] = {
  "Muhammad", "Ibrahim", "Yusuf", "Hamza", "Zayn", "Ayaan", "Abdullah", "Idris", "Rayyan",
  "Ismail", "Imran", "Tariq", "Bilal", "Umar",
};
static const char *const pk_surnames[] = {
  "Hussain", "Khan", "Ahmed", "Ali", "Iqbal", "Mahmood", "Akhtar", "Shah", "Butt", "Raza",
};
static const char *const pk_mothers[] = { "Bibi", "Begum", "Akhtar", "Kausar" };
static const char *const pk_languages[] = { "Urdu", "Punjabi", "Pashto" };

/* Bangladeshi heritage */
static const char *const bd_f[] = {
  "Tahmina", "Nusrat", "Sumaiya", "Sadia", "Jannat", "Ruksana", "Afia", "Maisha", "Tasnim",
};
static const char *const bd_m[] = {
  "Mohammed", "Rahim", "Shahid", "Arif", "Rayhan", "Tanvir", "Sayed", "Abdul", "Ayaan",
};
static const char *const bd_surnames[] = {
  "Miah|Begum", "Uddin", "Rahman", "Islam", "Chowdhury", "Ahmed", "Hossain",
};
static const char *const bd_mothers[] = { "Begum", "Khatun", "Bibi" };
static const char *const bd_languages[] = { "Bengali", "Sylheti" };

/* Indian heritage */
static const char *const in_f[] = {
  "Priya", "Anaya", "Riya", "Ishani", "Diya", "Aarohi", "Kavya", "Meera", "Saanvi",
};
static const char *const in_m[] = {
  "Aryan", "Arjun", "Ravi", "Rohan", "Vihaan", "Ishaan", "Dev", "Krish", "Aarav",
};
static const char *const in_surnames[] = {
  "Patel", "Sharma", "Mistry", "Shah", "Desai", "Kumar", "Nair", "Joshi", "Pillai",
};
static const char *const in_languages[] = { "Gujarati", "Hindi", "Tamil", "Malayalam" };

/* Sikh families: girls Kaur, boys Singh */
static const char *const sk_f[] = {
  "Simran", "Harleen", "Jasleen", "Gurleen", "Manpreet", "Navneet", "Amrit",
};
static const char *const sk_m[] = {
  "Harjit", "Gurpreet", "Jaskaran", "Harpreet", "Arjan", "Manveer", "Jasveer",
};
static const char *const sk_surnames[] = {
  "Singh|Kaur", "Singh|Kaur", "Gill", "Sandhu", "Dhillon",
};
static const char *const sk_languages[] = { "Punjabi" };

/* Polish */
static const char *const pl_f[] = {
  "Zuzanna", "Oliwia", "Julia", "Maja", "Zofia", "Hanna", "Lena", "Wiktoria", "Alicja",
  "Agnieszka", "Małgorzata",
};
static const char *const pl_m[] = {
  "Jakub", "Szymon", "Filip", "Antoni", "Kacper", "Mikołaj", "Łukasz", "Bartłomiej",
  "Wojciech", "Oskar",
};
static const char *const pl_surnames[] = {
  "Kowalski|Kowalska", "Nowak", "Wiśniewski|Wiśniewska", "Wójcik", "Kowalczyk",
  "Lewandowski|Lewandowska", "Zieliński|Zielińska", "Szymański|Szymańska", "Woźniak",
  "Mazur", "Dąbrowski|Dąbrowska",
};
static const char *const pl_languages[] = { "Polish" };

/* Romanian */
static const char *const ro_f[] = {
  "Ioana", "Maria", "Andreea", "Bianca", "Elena", "Alexandra", "Ana-Maria", "Ștefania",
};
static const char *const ro_m[] = {
  "Andrei", "Ștefan", "Mihai", "Alexandru", "Darius", "Ionuț", "David", "Gabriel",
};
static const char *const ro_surnames[] = {
  "Popescu", "Ionescu", "Popa", "Dumitru", "Stan", "Constantin", "Munteanu", "Stoica", "Lungu",
};
static const char *const ro_languages[] = { "Romanian", "Romani" };

/* Czech and Slovak */
static const char *const cz_f[] = {
  "Tereza", "Barbora", "Eliška", "Kateřina", "Natálie", "Anna",
};
static const char *const cz_m[] = {
  "Tomáš", "Jiří", "Matěj", "Jakub", "Vojtěch", "Lukáš",
};
static const char *const cz_surnames[] = {
  "Dvořák|Dvořáková", "Novák|Nováková", "Svoboda|Svobodová", "Černý|Černá",
  "Horváth|Horváthová", "Kováč|Kováčová",
};
static const char *const cz_languages[] = { "Czech", "Slovak", "Romani" };

/* Lithuanian: wives -ienė, daughters -aitė/-ytė */
static const char *const lt_f[] = { "Gabija", "Emilija", "Austėja", "Ugnė", "Kamilė" };
static const char *const lt_m[] = { "Matas", "Lukas", "Jokūbas", "Nojus", "Dominykas" };
static const char *const lt_surnames[] = {
  "Kazlauskas|Kazlauskienė|Kazlauskaitė", "Jankauskas|Jankauskienė|Jankauskaitė",
  "Petrauskas|Petrauskienė|Petrauskaitė", "Stankevičius|Stankevičienė|Stankevičiūtė",
};
static const char *const lt_languages[] = { "Lithuanian", "Russian" };

/* Nigerian */
static const char *const ng_f[] = {
  "Chiamaka", "Folake", "Ngozi", "Adaeze", "Temitope", "Ifeoma", "Ada", "Tolu", "Oluwaseun",
};
static const char *const ng_m[] = {
  "Chidi", "Emeka", "Olumide", "Tunde", "Chinedu", "Oluwaseun", "Ade", "Femi", "Obinna",
  "Kayode",
};
static const char *const ng_surnames[] = {
  "Okafor", "Adebayo", "Adeyemi", "Nwosu", "Okonkwo", "Eze", "Balogun", "Ogunleye",
  "Oyelaran",
};
static const char *const ng_languages[] = { "Yoruba", "Igbo" };

/* Ghanaian */
static const char *const gh_f[] = { "Ama", "Efua", "Akosua", "Abena", "Adwoa" };
static const char *const gh_m[] = { "Kwame", "Kofi", "Kwabena", "Yaw", "Kojo" };
static const char *const gh_surnames[] = {
  "Mensah", "Osei", "Boateng", "Asante", "Owusu", "Appiah",
};
static const char *const gh_languages[] = { "Twi", "Ga" };

/* Somali */
static const char *const so_f[] = { "Hodan", "Ayaan", "Fadumo", "Hibo", "Sagal", "Ifrah", "Nasra" };
static const char *const so_m[] = {
  "Abdirahman", "Abdi", "Mohamed", "Liban", "Ahmed", "Guled", "Mahad",
};
static const char *const so_surnames[] = {
  "Abdi", "Mohamed", "Hassan", "Ali", "Warsame", "Farah", "Ahmed", "Osman", "Jama",
};
static const char *const so_languages[] = { "Somali", "Arabic" };

enum { CULTURE_ENGLISH, CULTURE_WELSH };

static const Culture cultures[] = {
  [CULTURE_ENGLISH] = { 52.0, 0.04, 0.0, POOL (en_f), POOL (en_m), POOL (en_adult_f),
                        POOL (en_adult_m), POOL (en_surnames), NO_POOL, NO_POOL },
  [CULTURE_WELSH] = { 9.0, 0.0, 0.15, POOL (cy_f), POOL (cy_m), POOL (cy_adult_f),
                      POOL (cy_adult_m), POOL (cy_surnames), NO_POOL, NO_POOL },
  { 4.0, 0.0, 0.0, POOL (ga_f), POOL (ga_m), NO_POOL, NO_POOL, POOL (ga_surnames), NO_POOL,
    NO_POOL },
  { 4.5, 0.7, 0.0, POOL (pk_f), POOL (pk_m), NO_POOL, NO_POOL, POOL (pk_surnames),
    POOL (pk_mothers), POOL (pk_languages) },
  { 2.5, 0.75, 0.0, POOL (bd_f), POOL (bd_m), NO_POOL, NO_POOL, POOL (bd_surnames),
    POOL (bd_mothers), POOL (bd_languages) },
  { 2.5, 0.6, 0.0, POOL (in_f), POOL (in_m), NO_POOL, NO_POOL, POOL (in_surnames), NO_POOL,
    POOL (in_languages) },
  { 1.5, 0.55, 0.0, POOL (sk_f), POOL (sk_m), NO_POOL, NO_POOL, POOL (sk_surnames), NO_POOL,
    POOL (sk_languages) },
  { 3.5, 0.9, 0.0, POOL (pl_f), POOL (pl_m), NO_POOL, NO_POOL, POOL (pl_surnames), NO_POOL,
    POOL (pl_languages) },
  { 2.5, 0.92, 0.0, POOL (ro_f), POOL (ro_m), NO_POOL, NO_POOL, POOL (ro_surnames), NO_POOL,
    POOL (ro_languages) },
  { 1.0, 0.9, 0.0, POOL (cz_f), POOL (cz_m), NO_POOL, NO_POOL, POOL (cz_surnames), NO_POOL,
    POOL (cz_languages) },
  { 1.0, 0.9, 0.0, POOL (lt_f), POOL (lt_m), NO_POOL, NO_POOL, POOL (lt_surnames), NO_POOL,
    POOL (lt_languages) },
  { 2.5, 0.45, 0.0, POOL (ng_f), POOL (ng_m), NO_POOL, NO_POOL, POOL (ng_surnames), NO_POOL,
    POOL (ng_languages) },
  { 1.0, 0.4, 0.0, POOL (gh_f), POOL (gh_m), NO_POOL, NO_POOL, POOL (gh_surnames), NO_POOL,
    POOL (gh_languages) },
  { 1.5, 0.85, 0.0, POOL (so_f), POOL (so_m), NO_POOL, NO_POOL, POOL (so_surnames), NO_POOL,
    POOL (so_languages) },
};

/* Older names for grandparents and carers. */
static const char *const elder_f[] = {
  "Margaret", "Susan", "Linda", "Janet", "Patricia", "Christine", "Carol", "Gwenda", "Bernadette",
  "Shirley", "Pauline",
};
static const char *const elder_m[] = {
  "John", "David", "Peter", "Michael", "Brian", "Keith", "Alan", "Dilwyn", "Terence", "Colin",
};

/* Legal forenames with the name the child goes by. */
static const char *const nicknames[][2] = {
  { "Alexander", "Alex" }, { "William", "Will" }, { "Thomas", "Tom" },
  { "Elizabeth", "Libby" }, { "Katherine", "Kate" }, { "Gruffydd", "Gruff" },
  { "Muhammad", "Mo" }, { "Oluwaseun", "Seun" }, { "Bartłomiej", "Bartek" },
  { "Alexandra", "Sasha" }, { "Małgorzata", "Gosia" }, { "Jessica", "Jess" },
  { "Samuel", "Sam" }, { "Benjamin", "Ben" }, { "Daniel", "Danny" },
  { "Theodore", "Teddy" }, { "Wojciech", "Wojtek" }, { "Abdirahman", "Abdi" },
  { "Ștefan", "Stefan" }, { "Temitope", "Temi" }, { "Gwenllïan", "Gwen" },
};

typedef struct
{
  const char *name;
  gboolean    wales;
  const char *outward[3];
} Town;

static const Town towns[] = {
  { "Shrewsbury", FALSE, { "SY1", "SY2", "SY3" } },
  { "Oswestry", FALSE, { "SY10", "SY11", NULL } },
  { "Ludlow", FALSE, { "SY8", NULL, NULL } },
  { "Church Stretton", FALSE, { "SY6", NULL, NULL } },
  { "Whitchurch", FALSE, { "SY13", NULL, NULL } },
  { "Market Drayton", FALSE, { "TF9", NULL, NULL } },
  { "Bishop's Castle", FALSE, { "SY9", NULL, NULL } },
  { "Bridgnorth", FALSE, { "WV15", "WV16", NULL } },
  { "Welshpool", TRUE, { "SY21", NULL, NULL } },
  { "Newtown", TRUE, { "SY16", NULL, NULL } },
  { "Machynlleth", TRUE, { "SY20", NULL, NULL } },
  { "Llanidloes", TRUE, { "SY18", NULL, NULL } },
};

static const char *const streets_en[] = {
  "Mill Lane", "Church Street", "Station Road", "High Street", "Castle Street",
  "Victoria Road", "Oak Drive", "Beech Close", "Meadow View", "Severn Way", "Holyhead Road",
  "Roman Road", "Bridge Street", "Willow Crescent", "Orchard Close", "Lark Rise",
  "Greenfields Avenue", "Coton Crescent", "St John's Hill", "Abbey Foregate", "Wrekin Drive",
  "Kingsway", "Hawthorn Grove", "Brook Street", "Primrose Way", "The Paddocks",
};
static const char *const streets_cy[] = {
  "Heol y Bont", "Ffordd Glyndŵr", "Maes y Dre", "Stryd Fawr", "Heol Maengwyn",
  "Penrallt Street", "Broad Street", "Severn Street", "Bryn Teg", "Cae Gwyn", "Ffordd Dyfi",
  "Plas Newydd", "Heol Powys",
};

/* Places for school names: an English prefix and suffix (Oak + field), or a
 * Welsh pair (Bro + Dyfi). */
static const char *const place_prefix[] = {
  "Oak", "Ash", "Elm", "Beech", "Holly", "Hazel", "Willow", "Brook", "River", "Hill",
  "Meadow", "Green", "Castle", "Spring", "King", "North", "South", "West", "Red", "Fox",
  "Lark", "Mill", "Stone", "Wood", "Heath", "Moor", "Park", "Orchard", "Rose", "Thorn",
  "Fair", "Haw",
};
static const char *const place_suffix[] = {
  "field", "side", "bank", "wood", "brook", "lands", "croft", "ley", "mead", "hurst",
  "gate", "dale", "view", "ridge", "acre", "combe",
};
static const char *const welsh_prefix[] = {
  "Bro", "Cwm", "Glan", "Bryn", "Pen y", "Maes", "Llan", "Cae", "Rhiw", "Coed", "Nant",
  "Pont", "Tre", "Bro",
};
static const char *const welsh_suffix[] = {
  "Dyfi", "Hafren", "Teg", "Bont", "Dre", "Fair", "Glas", "Gwyn", "Derw", "Celyn",
  "Efyrnwy", "Mynydd", "Hyddgen", "Cynfelyn", "Trefaldwyn",
};
static const char *const saints[] = {
  "Mary's", "Peter's", "Chad's", "Michael's", "Lawrence's", "Andrew's", "Oswald's",
  "John's", "George's", "Alkmund's", "Edward's", "Luke's",
};
static const char *const catholic_saints[] = {
  "Joseph's", "Winefride's", "Mary's", "Patrick's", "Anne's", "Teresa's", "Francis's",
};
static const char *const welsh_saints[] = {
  "Teilo's", "David's", "Tysilio's", "Beuno's", "Cadfan's", "Padarn's",
};

typedef enum
{
  NAME_COMMUNITY_PRIMARY,
  NAME_CHURCH_PRIMARY,
  NAME_ACADEMY_PRIMARY,
  NAME_FREE_PRIMARY,
  NAME_WELSH_PRIMARY,
  NAME_SECONDARY,
  NAME_ACADEMY_SECONDARY,
  NAME_FREE_SECONDARY,
  NAME_WELSH_SECONDARY,
  NAME_ALL_THROUGH,
  NAME_SPECIAL,
  NAME_PRU,
  NAME_NURSERY,
  NAME_PREP,
  NAME_INDEPENDENT,
} NameStyle;

typedef struct
{
  const char *type;
  const char *phase;
  gboolean    wales;
  double      weight;
  guint       roll_min;
  guint       roll_max;
  int         nc_min;       /* year groups taught: -1 nursery, 0 Reception … */
  int         nc_max;
  guint       estab_min;    /* DfE establishment number ranges by kind */
  guint       estab_max;
  guint       urn_min;
  guint       urn_max;
  double      late;         /* chance a pupil joined after the usual entry year */
  NameStyle   names;
} SchoolKind;

static const SchoolKind kinds[] = {
  /* 0 */ { "la_maintained", "primary", FALSE, 30, 150, 450, 0, 6, 2000, 2999,
            110000, 126999, 0.12, NAME_COMMUNITY_PRIMARY },
  /* 1 */ { "la_maintained", "primary", FALSE, 10, 150, 420, 0, 6, 3000, 3999,
            110000, 126999, 0.10, NAME_CHURCH_PRIMARY },
  /* 2 */ { "academy", "primary", FALSE, 18, 180, 450, 0, 6, 2000, 3999,
            136000, 149999, 0.12, NAME_ACADEMY_PRIMARY },
  /* 3 */ { "free_school", "primary", FALSE, 3, 150, 420, 0, 6, 2000, 2999,
            136000, 149999, 0.15, NAME_FREE_PRIMARY },
  /* 4 */ { "la_maintained", "primary", TRUE, 6, 150, 400, 0, 6, 2000, 3999,
            400000, 403999, 0.08, NAME_WELSH_PRIMARY },
  /* 5 */ { "la_maintained", "secondary", FALSE, 3, 700, 1600, 7, 11, 4000, 4999,
            110000, 126999, 0.06, NAME_SECONDARY },
  /* 6 */ { "academy", "secondary", FALSE, 8, 700, 1600, 7, 11, 4000, 5999,
            136000, 149999, 0.06, NAME_ACADEMY_SECONDARY },
  /* 7 */ { "free_school", "secondary", FALSE, 1, 600, 1200, 7, 11, 4000, 4999,
            136000, 149999, 0.08, NAME_FREE_SECONDARY },
  /* 8 */ { "la_maintained", "secondary", TRUE, 2, 700, 1400, 7, 11, 4000, 4999,
            400000, 403999, 0.05, NAME_WELSH_SECONDARY },
  /* 9 */ { "academy", "all_through", FALSE, 2, 900, 1800, 0, 11, 4000, 4999,
            136000, 149999, 0.10, NAME_ALL_THROUGH },
  /* 10 */ { "special", "all_through", FALSE, 4, 60, 200, 1, 11, 7000, 7999,
             110000, 126999, 0.60, NAME_SPECIAL },
  /* 11 */ { "pru", "secondary", FALSE, 3, 20, 80, 7, 11, 1100, 1199,
             110000, 126999, 1.00, NAME_PRU },
  /* 12 */ { "la_maintained", "nursery", FALSE, 3, 40, 120, -1, -1, 1000, 1099,
             110000, 126999, 0.0, NAME_NURSERY },
  /* 13 */ { "independent", "primary", FALSE, 2, 100, 300, 0, 6, 6000, 6999,
             110000, 126999, 0.15, NAME_PREP },
  /* 14 */ { "independent", "all_through", FALSE, 1, 300, 900, 0, 11, 6000, 6999,
             110000, 126999, 0.15, NAME_INDEPENDENT },
};

/* The first schools of every authority, so that even a small demo shows
 * every type and phase; after these, kinds are drawn by weight. */
static const guint coverage[] = { 0, 6, 2, 10, 1, 11, 12, 3, 13, 9, 4, 5 };

/* UPN LA codes of pupils who moved in from neighbouring authorities. */
static const guint other_las[] = { 860, 875, 884, 885, 894, 665, 667 };

#define N_YEARS 13           /* nursery (-1) to Year 11 */
#define YEAR_INDEX(nc) ((nc) + 1)
#define MAX_CHILDREN 5
#define MAX_GUARDIANS 5
#define PROGRESS_EVERY 1000

/* --- generation state -------------------------------------------------------- */

typedef struct
{
  const SchoolKind *kind;
  const Town       *town;
  guint             urn;
  guint             la;
  guint             estab;
  guint             roll;        /* nominal, before scaling */
  guint             count;       /* pupils */
  gint64            id;
  GArray           *pools[N_YEARS];  /* free slots by year group, shuffled */
} SchoolPlan;

typedef struct
{
  guint  school;
  gint8  nc;
  guint8 assigned;
} Slot;

typedef struct
{
  gint64  id;
  char   *name;
} OfficerPlan;

typedef struct
{
  ClDatabase        *db;
  GRand             *rand;
  int                academic_year;
  char              *now;
  ClDemoProgressFunc progress;
  gpointer           user_data;
  GCancellable      *cancellable;

  GArray            *officers;     /* OfficerPlan */
  GArray            *schools;      /* SchoolPlan */
  Slot              *slots;
  guint              n_slots;
  GArray            *year_pools[N_YEARS];

  GHashTable        *upns;         /* every UPN issued (owned strings) */
  GHashTable        *serials;      /* allocation key → next serial + 1 */
  GHashTable        *names;        /* school names in use */
  GHashTable        *numbers;      /* URNs and LA × 10000 + estab in use */

  double             culture_total[2];
  double             p_ehcp;       /* outside special schools */

  guint              n_pupils;
  guint              n_guardians;
  guint              next_progress;

  sqlite3_stmt      *insert_guardian;
  sqlite3_stmt      *insert_pupil;
  sqlite3_stmt      *insert_enrolment;
  sqlite3_stmt      *insert_link;
} Gen;

static guint
pick (GRand *rand,
      guint  n)
{
  g_assert (n > 0);
  return (guint) g_rand_int_range (rand, 0, (gint32) n);
}

static gboolean
chance (GRand  *rand,
        double  p)
{
  return g_rand_double (rand) < p;
}

static const char *
pool_pick (GRand      *rand,
           const Pool *pool)
{
  return pool->items[pick (rand, pool->n)];
}

#define PICK(rand, array) ((array)[pick ((rand), G_N_ELEMENTS (array))])

static void
shuffle (GRand  *rand,
         GArray *array)
{
  guint *v = (guint *) (gpointer) array->data;

  for (guint i = array->len; i > 1; i--)
    {
      guint j = pick (rand, i);
      guint t = v[i - 1];
      v[i - 1] = v[j];
      v[j] = t;
    }
}

static void
report (Gen        *g,
        double      fraction,
        const char *text)
{
  if (g->progress != NULL)
    g->progress (CLAMP (fraction, 0.0, 1.0), text, g->user_data);
}

static gboolean
step_done (Gen           *g,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (g->db, error, _("Could not write the demo data"));
      return FALSE;
    }
  return TRUE;
}

static gint64
last_id (Gen *g)
{
  return sqlite3_last_insert_rowid (cl_database_get_handle (g->db));
}

/* --- names, places, contacts --------------------------------------------------- */

typedef enum
{
  FORM_MALE,
  FORM_WIFE,
  FORM_DAUGHTER,
} SurnameForm;

/* "Kowalski|Kowalska": the male form first, then a wife's, then a daughter's
 * (which defaults to the wife's form). */
static char *
surname_form (const char  *entry,
              SurnameForm  form)
{
  g_auto(GStrv) parts = g_strsplit (entry, "|", 3);
  guint n = g_strv_length (parts);
  guint i;

  switch (form)
    {
    case FORM_MALE:
      i = 0;
      break;
    case FORM_WIFE:
      i = MIN (1, n - 1);
      break;
    case FORM_DAUGHTER:
      i = n == 3 ? 2 : MIN (1, n - 1);
      break;
    default:
      g_assert_not_reached ();
    }
  return g_strdup (parts[i]);
}

static gboolean
is_plain_surname (const char *entry)
{
  return strpbrk (entry, "|- ") == NULL;
}

static const Culture *
pick_culture (Gen      *g,
              gboolean  wales)
{
  double x = g_rand_double (g->rand) * g->culture_total[wales ? 1 : 0];

  for (guint i = 0; i < G_N_ELEMENTS (cultures); i++)
    {
      double w = cultures[i].weight;
      if (wales)
        w = i == CULTURE_WELSH ? 45.0 : i == CULTURE_ENGLISH ? 40.0 : w * 0.3;
      if (x < w)
        return &cultures[i];
      x -= w;
    }
  return &cultures[CULTURE_ENGLISH];
}

static const char *
child_forename (GRand         *rand,
                const Culture *culture,
                char           sex)
{
  if (sex == 'F' || (sex == 'U' && chance (rand, 0.5)))
    return pool_pick (rand, &culture->female);
  return pool_pick (rand, &culture->male);
}

static const char *
adult_forename (GRand         *rand,
                const Culture *culture,
                gboolean       female)
{
  if (female)
    return pool_pick (rand, culture->adult_female.n > 0 ? &culture->adult_female
                                                        : &culture->female);
  return pool_pick (rand, culture->adult_male.n > 0 ? &culture->adult_male : &culture->male);
}

static const Town *
pick_town (GRand    *rand,
           gboolean  wales)
{
  const Town *town;

  do
    town = &PICK (rand, towns);
  while (town->wales != wales);
  return town;
}

static char *
make_postcode (GRand      *rand,
               const Town *town)
{
  /* Inward codes never use C, I, K, M, O or V. */
  static const char inward[] = "ABDEFGHJLNPQRSTUWXYZ";
  guint n_outward = town->outward[2] != NULL ? 3 : town->outward[1] != NULL ? 2 : 1;
  /* One draw per statement: the order of evaluation of arguments is
   * unspecified in C, and the sequence of draws must not depend on it. */
  const char *outward = town->outward[pick (rand, n_outward)];
  guint sector = pick (rand, 9) + 1;
  char unit1 = inward[pick (rand, sizeof inward - 1)];
  char unit2 = inward[pick (rand, sizeof inward - 1)];

  return g_strdup_printf ("%s %u%c%c", outward, sector, unit1, unit2);
}

static char *
make_address (GRand      *rand,
              const Town *town)
{
  const char *street = town->wales && chance (rand, 0.7) ? PICK (rand, streets_cy)
                                                        : PICK (rand, streets_en);
  guint flat, number;

  if (chance (rand, 0.12))
    {
      flat = pick (rand, 24) + 1;
      number = pick (rand, 90) + 1;
      return g_strdup_printf ("Flat %u, %u %s, %s", flat, number, street, town->name);
    }
  number = pick (rand, 180) + 1;
  return g_strdup_printf ("%u %s, %s", number, street, town->name);
}

/* Lower-case ASCII letters and digits only, for email addresses. */
static char *
email_part (const char *text)
{
  g_autofree char *folded = cl_text_fold (text);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
  if (out->len == 0)
    g_string_append (out, "parent");
  return g_string_free (out, FALSE);
}

static char *
make_email (GRand      *rand,
            const char *forename,
            const char *surname)
{
  /* example.com, .org and .net are reserved for examples (RFC 2606). */
  static const char *const domains[] = { "example.com", "example.org", "example.net" };
  g_autofree char *f = email_part (forename);
  g_autofree char *s = email_part (surname);
  guint style = pick (rand, 4);
  guint number = pick (rand, 100);
  const char *domain = PICK (rand, domains);

  switch (style)
    {
    case 0:
      return g_strdup_printf ("%s.%s@%s", f, s, domain);
    case 1:
      return g_strdup_printf ("%s%s%u@%s", f, s, number + 1, domain);
    case 2:
      return g_strdup_printf ("%c%s@%s", f[0], s, domain);
    default:
      return g_strdup_printf ("%s_%s%02u@%s", s, f, number, domain);
    }
}

/* Ofcom keeps these ranges for drama: no real line answers them. */
static char *
make_mobile (GRand *rand)
{
  return g_strdup_printf ("07700 900%03u", pick (rand, 1000));
}

static char *
make_landline (GRand *rand)
{
  return g_strdup_printf ("01632 960%03u", pick (rand, 1000));
}

static char *
make_work_phone (GRand *rand)
{
  return g_strdup_printf ("0117 496 0%03u", pick (rand, 1000));
}

/* --- officers and schools ----------------------------------------------------- */

static gboolean
create_officers (Gen     *g,
                 GError **error)
{
  g_autoptr(ClOfficerRepository) repo = cl_officer_repository_new (g->db);
  /* A manager, a senior EWO and enough field officers for caseloads an EWO
   * recognises: about one case for every ten pupils, 40 to 120 cases each,
   * so one field officer per 1,400 pupils or so. */
  guint n = 2 + MAX (2, g->n_slots / 1400) + pick (g->rand, 2);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClOfficer) officer = cl_officer_new ();
      const Culture *culture = chance (g->rand, 0.7) ? &cultures[CULTURE_ENGLISH]
                               : chance (g->rand, 0.5) ? &cultures[CULTURE_WELSH]
                               : pick_culture (g, FALSE);
      gboolean female = chance (g->rand, 0.75);
      const char *forename = adult_forename (g->rand, culture, female);
      g_autofree char *surname = surname_form (pool_pick (g->rand, &culture->surnames),
                                               female ? FORM_WIFE : FORM_MALE);
      g_autofree char *name = g_strdup_printf ("%s %s", forename, surname);
      g_autofree char *f = email_part (forename);
      g_autofree char *s = email_part (surname);
      g_autofree char *email = g_strdup_printf ("%s.%s@ews.example.org", f, s);
      g_autofree char *phone = make_landline (g->rand);
      OfficerPlan plan;

      cl_officer_set_name (officer, name);
      cl_officer_set_role (officer, i == 0 ? "manager" : i == 1 ? "senior_ewo" : "ewo");
      cl_officer_set_email (officer, email);
      cl_officer_set_phone (officer, phone);
      if (!cl_officer_repository_insert (repo, officer, error))
        return FALSE;
      plan.id = cl_officer_get_id (officer);
      plan.name = g_steal_pointer (&name);
      g_array_append_val (g->officers, plan);
    }
  return TRUE;
}

static char *
make_place (Gen      *g,
            gboolean  wales)
{
  const char *first;

  if (wales)
    {
      first = PICK (g->rand, welsh_prefix);
      return g_strdup_printf ("%s %s", first, PICK (g->rand, welsh_suffix));
    }
  first = PICK (g->rand, place_prefix);
  return g_strconcat (first, PICK (g->rand, place_suffix), NULL);
}

static char *
make_school_name (Gen              *g,
                  const SchoolKind *kind,
                  const Town       *town)
{
  g_autofree char *place = make_place (g, kind->wales);
  GRand *r = g->rand;

  switch (kind->names)
    {
    case NAME_COMMUNITY_PRIMARY:
      switch (pick (r, 4))
        {
        case 0:
        case 1:
          return g_strdup_printf ("%s Community Primary School", place);
        case 2:
          return g_strdup_printf ("%s Primary School", place);
        default:
          return g_strdup_printf ("%s Infant and Junior School", place);
        }
    case NAME_CHURCH_PRIMARY:
      switch (pick (r, 5))
        {
        case 0:
        case 1:
          return g_strdup_printf ("St %s C of E Primary School", PICK (r, saints));
        case 2:
          return g_strdup_printf ("St %s Catholic Primary School", PICK (r, catholic_saints));
        case 3:
          return g_strdup_printf ("%s C of E Primary School", place);
        default:
          return g_strdup_printf ("Holy Trinity C of E Primary School, %s", town->name);
        }
    case NAME_ACADEMY_PRIMARY:
      return g_strdup_printf (chance (r, 0.6) ? "%s Primary Academy" : "%s Academy", place);
    case NAME_FREE_PRIMARY:
      return g_strdup_printf ("%s Primary Free School", place);
    case NAME_WELSH_PRIMARY:
      switch (pick (r, 4))
        {
        case 0:
          return g_strdup_printf ("Ysgol Gymraeg %s", place);
        case 1:
          return g_strdup_printf ("Ysgol Gynradd %s", place);
        case 2:
          return g_strdup_printf ("St %s Church in Wales Primary School", PICK (r, welsh_saints));
        default:
          return g_strdup_printf ("Ysgol %s", place);
        }
    case NAME_SECONDARY:
      return g_strdup_printf (chance (r, 0.5) ? "%s High School" : "%s School", place);
    case NAME_ACADEMY_SECONDARY:
      return g_strdup_printf (chance (r, 0.6) ? "%s Academy" : "The %s Academy", place);
    case NAME_FREE_SECONDARY:
      return g_strdup_printf ("%s Free School", place);
    case NAME_WELSH_SECONDARY:
      switch (pick (r, 3))
        {
        case 0:
          return g_strdup_printf ("Ysgol Uwchradd %s", place);
        case 1:
          return g_strdup_printf ("Ysgol Gyfun %s", place);
        default:
          return g_strdup_printf ("%s High School", town->name);
        }
    case NAME_ALL_THROUGH:
      return g_strdup_printf (chance (r, 0.5) ? "%s All-Through Academy" : "%s Academy", place);
    case NAME_SPECIAL:
      return g_strdup_printf (chance (r, 0.5) ? "%s Special School" : "%s School", place);
    case NAME_PRU:
      switch (pick (r, 3))
        {
        case 0:
          return g_strdup_printf ("%s Pupil Referral Unit", place);
        case 1:
          return g_strdup_printf ("%s Short Stay School", place);
        default:
          return g_strdup_printf ("%s Learning Centre", place);
        }
    case NAME_NURSERY:
      return g_strdup_printf (chance (r, 0.6) ? "%s Nursery School"
                                               : "%s Nursery School and Children's Centre",
                              place);
    case NAME_PREP:
      return g_strdup_printf (chance (r, 0.5) ? "%s Preparatory School" : "%s House School",
                              place);
    case NAME_INDEPENDENT:
      return g_strdup_printf (chance (r, 0.5) ? "%s College" : "%s School", place);
    default:
      g_assert_not_reached ();
    }
}

static char *
unique_school_name (Gen              *g,
                    const SchoolKind *kind,
                    const Town       *town)
{
  for (guint attempt = 0; ; attempt++)
    {
      g_autofree char *name = make_school_name (g, kind, town);

      if (attempt >= 20)
        {
          char *numbered = g_strdup_printf ("%s (%s)", name, town->name);
          g_free (name);
          name = numbered;
        }
      if (!g_hash_table_contains (g->names, name))
        {
          g_hash_table_add (g->names, g_strdup (name));
          return g_steal_pointer (&name);
        }
      if (attempt > 200)
        {
          char *numbered = g_strdup_printf ("%s %u", name, attempt);
          g_hash_table_add (g->names, g_strdup (numbered));
          return numbered;
        }
    }
}

static guint
unique_number (Gen   *g,
               guint  base,
               guint  lo,
               guint  hi)
{
  for (;;)
    {
      guint n = lo + pick (g->rand, hi - lo + 1);
      gpointer key = GUINT_TO_POINTER (base + n);

      if (!g_hash_table_contains (g->numbers, key))
        {
          g_hash_table_add (g->numbers, key);
          return n;
        }
    }
}

static const SchoolKind *
pick_kind (Gen   *g,
           guint  i)
{
  double total = 0, x;

  if (i < G_N_ELEMENTS (coverage))
    return &kinds[coverage[i]];
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    total += kinds[k].weight;
  x = g_rand_double (g->rand) * total;
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      if (x < kinds[k].weight)
        return &kinds[k];
      x -= kinds[k].weight;
    }
  return &kinds[0];
}

static int
compare_remainders (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const guint64 *rem = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;

  if (rem[ia] != rem[ib])
    return rem[ia] > rem[ib] ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

/* Plans the schools and shares the pupils between them in proportion to
 * their nominal rolls (largest remainder, so the total is exact). */
static void
plan_schools (Gen   *g,
              guint  n_schools,
              guint  n_pupils)
{
  guint64 total_roll = 0;
  guint given = 0;
  g_autofree guint64 *rem = g_new0 (guint64, n_schools);
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_schools);

  for (guint i = 0; i < n_schools; i++)
    {
      SchoolPlan plan = { 0 };

      plan.kind = pick_kind (g, i);
      plan.town = pick_town (g->rand, plan.kind->wales);
      plan.la = plan.kind->wales ? CL_DEMO_LA_CODE_WALES : CL_DEMO_LA_CODE;
      plan.urn = unique_number (g, 0, plan.kind->urn_min, plan.kind->urn_max);
      plan.estab = unique_number (g, 1000000 + plan.la * 10000,
                                  plan.kind->estab_min, plan.kind->estab_max);
      plan.roll = plan.kind->roll_min
                  + pick (g->rand, plan.kind->roll_max - plan.kind->roll_min + 1);
      total_roll += plan.roll;
      g_array_append_val (g->schools, plan);
    }

  for (guint i = 0; i < n_schools; i++)
    {
      SchoolPlan *plan = &g_array_index (g->schools, SchoolPlan, i);
      guint64 share = (guint64) n_pupils * plan->roll;

      plan->count = (guint) (share / total_roll);
      rem[i] = share % total_roll;
      given += plan->count;
      g_array_append_val (order, i);
    }
  g_array_sort_with_data (order, compare_remainders, rem);
  for (guint k = 0; given < n_pupils; k = (k + 1) % n_schools, given++)
    g_array_index (g->schools, SchoolPlan, g_array_index (order, guint, k)).count++;
}

static gboolean
insert_schools (Gen     *g,
                GError **error)
{
  g_autoptr(ClSchoolRepository) repo = cl_school_repository_new (g->db);
  guint n_field = g->officers->len > 1 ? g->officers->len - 1 : 1;
  guint next_officer = 0;

  for (guint i = 0; i < g->schools->len; i++)
    {
      SchoolPlan *plan = &g_array_index (g->schools, SchoolPlan, i);
      g_autoptr(ClSchool) school = cl_school_new ();
      g_autofree char *name = unique_school_name (g, plan->kind, plan->town);
      g_autofree char *address = NULL;
      g_autofree char *postcode = make_postcode (g->rand, plan->town);
      g_autofree char *head = NULL;
      const Culture *culture = plan->kind->wales && chance (g->rand, 0.6)
                               ? &cultures[CULTURE_WELSH] : &cultures[CULTURE_ENGLISH];
      gboolean female = chance (g->rand, 0.65);
      g_autofree char *head_surname = surname_form (pool_pick (g->rand, &culture->surnames),
                                                    female ? FORM_WIFE : FORM_MALE);
      const char *title;
      static const char *const school_streets[] = {
        "School Lane", "Church Road", "College Road", "Mill Lane", "Station Road",
        "Park Avenue", "Green Lane",
      };

      address = g_strdup_printf ("%s, %s", PICK (g->rand, school_streets), plan->town->name);
      title = chance (g->rand, 0.1) ? "Dr" : !female ? "Mr" : chance (g->rand, 0.6) ? "Mrs" : "Ms";
      head = g_strdup_printf ("%s %s %s", title, adult_forename (g->rand, culture, female),
                              head_surname);

      cl_school_set_number (school, CL_SCHOOL_URN, plan->urn);
      cl_school_set_number (school, CL_SCHOOL_LA_CODE, plan->la);
      cl_school_set_number (school, CL_SCHOOL_ESTAB, plan->estab);
      cl_school_set_number (school, CL_SCHOOL_NUMBER_ON_ROLL, plan->count);
      cl_school_set_text (school, CL_SCHOOL_NAME, name);
      cl_school_set_text (school, CL_SCHOOL_TYPE, plan->kind->type);
      cl_school_set_text (school, CL_SCHOOL_PHASE, plan->kind->phase);
      cl_school_set_text (school, CL_SCHOOL_COUNTRY, plan->kind->wales ? "wales" : "england");
      cl_school_set_text (school, CL_SCHOOL_ADDRESS, address);
      cl_school_set_text (school, CL_SCHOOL_POSTCODE, postcode);
      cl_school_set_text (school, CL_SCHOOL_HEAD_TEACHER, head);

      /* The manager (first) has no schools; independent schools buy in
       * no attendance service, so they have no link officer. */
      if (g_strcmp0 (plan->kind->type, "independent") != 0 && g->officers->len > 0)
        {
          guint o = g->officers->len > 1 ? 1 + next_officer++ % n_field : 0;
          OfficerPlan *officer = &g_array_index (g->officers, OfficerPlan, o);
          cl_school_set_link_officer (school, officer->id, officer->name);
        }

      if (!cl_school_repository_insert (repo, school, error))
        return FALSE;
      plan->id = cl_school_get_id (school);
    }
  return TRUE;
}

/* --- places on roll -------------------------------------------------------------- */

static void
plan_slots (Gen *g)
{
  guint s = 0;
  guint n_special = 0;

  g->slots = g_new0 (Slot, MAX (g->n_slots, 1));
  for (guint y = 0; y < N_YEARS; y++)
    g->year_pools[y] = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < g->schools->len; i++)
    {
      SchoolPlan *plan = &g_array_index (g->schools, SchoolPlan, i);
      guint span = (guint) (plan->kind->nc_max - plan->kind->nc_min + 1);

      for (guint y = 0; y < N_YEARS; y++)
        plan->pools[y] = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint j = 0; j < plan->count; j++, s++)
        {
          /* Year groups of even size, as on a real roll. */
          int nc = plan->kind->nc_min + (int) ((guint64) j * span / plan->count);

          g->slots[s].school = i;
          g->slots[s].nc = (gint8) nc;
          g_array_append_val (plan->pools[YEAR_INDEX (nc)], s);
          g_array_append_val (g->year_pools[YEAR_INDEX (nc)], s);
        }
      for (guint y = 0; y < N_YEARS; y++)
        shuffle (g->rand, plan->pools[y]);
      if (g_strcmp0 (plan->kind->type, "special") == 0)
        n_special += plan->count;
    }
  g_assert (s == g->n_slots);
  for (guint y = 0; y < N_YEARS; y++)
    shuffle (g->rand, g->year_pools[y]);

  /* About 2.5% of all pupils have an EHC plan; most pupils of a special
   * school have one, so mainstream schools get what is left. */
  if (g->n_slots > n_special)
    g->p_ehcp = CLAMP ((0.025 * g->n_slots - 0.9 * n_special) / (g->n_slots - n_special),
                       0.005, 0.025);
  else
    g->p_ehcp = 0.025;
}

static int
pool_pop (Gen    *g,
          GArray *pool)
{
  while (pool->len > 0)
    {
      guint s = g_array_index (pool, guint, pool->len - 1);

      g_array_set_size (pool, pool->len - 1);
      if (!g->slots[s].assigned)
        {
          g->slots[s].assigned = TRUE;
          return (int) s;
        }
    }
  return -1;
}

/* --- UPNs ------------------------------------------------------------------------ */

static char *
out_of_area_upn (Gen   *g,
                 guint  year2)
{
  for (;;)
    {
      guint la = PICK (g->rand, other_las);
      guint estab = 2000 + pick (g->rand, 2000);
      guint serial = pick (g->rand, 1000);
      char *upn = cl_upn_build (la, estab, year2, serial);

      if (!g_hash_table_contains (g->upns, upn))
        {
          g_hash_table_add (g->upns, upn);
          return g_strdup (upn);
        }
      g_free (upn);
    }
}

static char *
school_upn (Gen              *g,
            const SchoolPlan *plan,
            guint             year2)
{
  guint key = plan->la * 1000000 + plan->estab * 100 + year2;
  guint next = GPOINTER_TO_UINT (g_hash_table_lookup (g->serials, GUINT_TO_POINTER (key)));
  char *upn;

  /* Stored as serial + 1 so that 0 means "none issued yet". */
  if (next >= 1000)
    return NULL;
  g_hash_table_insert (g->serials, GUINT_TO_POINTER (key), GUINT_TO_POINTER (next + 1));
  upn = cl_upn_build (plan->la, plan->estab, year2, next);
  g_assert (!g_hash_table_contains (g->upns, upn));
  g_hash_table_add (g->upns, upn);
  return g_strdup (upn);
}

/* A UPN is allocated by the first school a child attends, in the year the
 * child starts there: a secondary pupil's UPN usually names a primary school. */
static char *
allocate_upn (Gen      *g,
              guint     school,
              int       nc,
              gboolean  from_entry)
{
  const SchoolPlan *plan = &g_array_index (g->schools, SchoolPlan, school);
  int started = nc >= 0 ? g->academic_year - nc : g->academic_year;
  guint year2 = (guint) started % 100;
  guint n = g->schools->len;
  guint first;

  if (chance (g->rand, 0.06))
    return out_of_area_upn (g, year2);

  if (!(from_entry && plan->kind->nc_min <= 0))
    {
      /* Allocated by one of the authority's schools taking Reception. */
      first = pick (g->rand, n);
      for (guint k = 0; k < n; k++)
        {
          const SchoolPlan *other = &g_array_index (g->schools, SchoolPlan, (first + k) % n);
          if (other->kind->nc_min == 0 && other->kind->wales == plan->kind->wales)
            {
              plan = other;
              break;
            }
        }
    }

  for (guint k = 0; k <= n; k++)
    {
      char *upn = school_upn (g, plan, year2);
      if (upn != NULL)
        return upn;
      plan = &g_array_index (g->schools, SchoolPlan, k % n);
    }
  return out_of_area_upn (g, year2);
}

/* --- families -------------------------------------------------------------------- */

typedef struct
{
  const char *relationship;
  gboolean    pr;
  gboolean    lives_with;
  gint64      id;
} GuardianLink;

typedef struct
{
  const Culture *culture;      /* first parent's */
  const Culture *culture2;     /* second parent's; the same unless a mixed family */
  const Town    *town;
  char          *address;
  char          *postcode;
  gboolean       wales;
  gboolean       home_language_other;
  const char    *language_other;
  gboolean       welsh_speaking;
  gboolean       fsm;
  gboolean       looked_after;
  char          *child_surname_entry;   /* children's surname, before the sex form */
  gboolean       child_surname_plain;   /* use it as it is (hyphenated names) */
  char          *step_surname;          /* a step-parent's, some children go by it */
  GuardianLink   links[MAX_GUARDIANS];
  guint          n_links;
} Family;

static void
family_clear (Family *f)
{
  g_free (f->address);
  g_free (f->postcode);
  g_free (f->child_surname_entry);
  g_free (f->step_surname);
}

static gboolean
add_guardian (Gen           *g,
              Family        *f,
              const char    *relationship,
              gboolean       pr,
              gboolean       lives_with,
              const char    *title,
              const char    *forename,
              const char    *surname,
              const Culture *culture,
              GError       **error)
{
  sqlite3_stmt *stmt = g->insert_guardian;
  g_autofree char *address = NULL;
  g_autofree char *postcode = NULL;
  g_autofree char *home = NULL;
  g_autofree char *mobile = NULL;
  g_autofree char *work = NULL;
  g_autofree char *email = NULL;
  const char *language = "en";
  const char *language_other = "";
  GuardianLink *gl;

  if (lives_with)
    {
      address = g_strdup (f->address);
      postcode = g_strdup (f->postcode);
    }
  else
    {
      const Town *town = chance (g->rand, 0.7) ? pick_town (g->rand, f->wales)
                                               : &PICK (g->rand, towns);
      address = make_address (g->rand, town);
      postcode = make_postcode (g->rand, town);
    }
  home = chance (g->rand, 0.35) ? make_landline (g->rand) : g_strdup ("");
  mobile = chance (g->rand, 0.93) ? make_mobile (g->rand) : g_strdup ("");
  work = chance (g->rand, 0.15) ? make_work_phone (g->rand) : g_strdup ("");
  email = chance (g->rand, 0.7) ? make_email (g->rand, forename, surname) : g_strdup ("");

  if (f->welsh_speaking
      && (culture == &cultures[CULTURE_WELSH] || culture == &cultures[CULTURE_ENGLISH])
      && chance (g->rand, 0.85))
    language = "cy";
  else if (f->home_language_other && culture->languages.n > 0 && chance (g->rand, 0.55))
    {
      /* The family's home language, or this guardian's own in a mixed family. */
      language = "other";
      language_other = culture == f->culture && f->language_other != NULL
                       ? f->language_other : pool_pick (g->rand, &culture->languages);
    }

  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, forename, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, surname, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, address, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, postcode, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, home, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, mobile, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, work, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, email, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, language, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, language_other, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, g->now, -1, SQLITE_STATIC);
  if (!step_done (g, stmt, error))
    return FALSE;

  g_assert (f->n_links < MAX_GUARDIANS);
  gl = &f->links[f->n_links++];
  gl->relationship = relationship;
  gl->pr = pr;
  gl->lives_with = lives_with;
  gl->id = last_id (g);
  g->n_guardians++;
  return TRUE;
}

static const char *
parent_title (GRand    *rand,
              gboolean  female,
              gboolean  married)
{
  if (chance (rand, 0.02))
    return "Dr";
  if (chance (rand, 0.004))
    return "Mx";
  if (!female)
    return "Mr";
  if (married)
    return chance (rand, 0.8) ? "Mrs" : "Ms";
  return chance (rand, 0.6) ? "Ms" : "Miss";
}

/* Who looks after the children, and what everyone is called. */
static gboolean
make_guardians (Gen     *g,
                Family  *f,
                GError **error)
{
  GRand *r = g->rand;
  const char *father_entry = pool_pick (r, &f->culture2->surnames);
  const char *mother_entry;
  const char *children_entry;  /* when the children take their mother's name */
  g_autofree char *father_surname = surname_form (father_entry, FORM_MALE);
  g_autofree char *mother_surname = NULL;
  const char *mother_forename = adult_forename (r, f->culture, TRUE);
  const char *father_forename = adult_forename (r, f->culture2, FALSE);
  double shape = g_rand_double (r);
  gboolean married;

  /* A mother's own surname: from her culture, or a name only women bear
   * (Begum), which her children never take. */
  if (f->culture->mother_surnames.n > 0 && chance (r, 0.4))
    {
      mother_entry = pool_pick (r, &f->culture->mother_surnames);
      children_entry = father_entry;
    }
  else
    {
      mother_entry = pool_pick (r, &f->culture->surnames);
      children_entry = mother_entry;
    }

  if (f->looked_after)
    {
      /* In foster care: the local authority shares parental responsibility;
       * the carer does not hold it, the birth mother keeps it. */
      const Culture *carer = &cultures[CULTURE_ENGLISH];
      gboolean carer_female = chance (r, 0.8);
      g_autofree char *carer_surname = surname_form (pool_pick (r, &carer->surnames), FORM_MALE);

      mother_surname = surname_form (mother_entry, FORM_DAUGHTER);
      f->child_surname_entry = g_strdup (children_entry);
      if (!add_guardian (g, f, "foster_carer", FALSE, TRUE,
                         carer_female ? "Mrs" : "Mr", adult_forename (r, carer, carer_female),
                         carer_surname, carer, error))
        return FALSE;
      return add_guardian (g, f, "mother", TRUE, FALSE, parent_title (r, TRUE, FALSE),
                           mother_forename, mother_surname, f->culture, error);
    }

  if (shape < 0.62)
    {
      /* Two parents; a quarter of them live apart. */
      gboolean apart = chance (r, 0.25);

      married = !apart && chance (r, 0.65);
      mother_surname = married ? surname_form (father_entry, FORM_WIFE)
                               : surname_form (mother_entry, FORM_DAUGHTER);
      if (!married && !apart && children_entry == mother_entry && is_plain_surname (mother_entry)
          && is_plain_surname (father_entry) && g_strcmp0 (mother_entry, father_entry) != 0
          && chance (r, 0.3))
        {
          f->child_surname_entry = g_strdup_printf ("%s-%s", mother_entry, father_entry);
          f->child_surname_plain = TRUE;
        }
      else
        f->child_surname_entry = g_strdup (father_entry);

      if (!add_guardian (g, f, "mother", TRUE, TRUE, parent_title (r, TRUE, married),
                         mother_forename, mother_surname, f->culture, error)
          || !add_guardian (g, f, "father", TRUE, !apart, parent_title (r, FALSE, married),
                            father_forename, father_surname, f->culture2, error))
        return FALSE;
    }
  else if (shape < 0.88)
    {
      /* A mother on her own; sometimes the father is known and has PR, or a
       * stepfather lives with the family. */
      mother_surname = surname_form (mother_entry, FORM_DAUGHTER);
      f->child_surname_entry = g_strdup (chance (r, 0.6) ? children_entry : father_entry);
      if (!add_guardian (g, f, "mother", TRUE, TRUE, parent_title (r, TRUE, FALSE),
                         mother_forename, mother_surname, f->culture, error))
        return FALSE;
      if (chance (r, 0.4)
          && !add_guardian (g, f, "father", TRUE, FALSE, "Mr", father_forename,
                            father_surname, f->culture2, error))
        return FALSE;
      if (chance (r, 0.2))
        {
          const Culture *step = pick_culture (g, f->wales);
          g_autofree char *step_surname = surname_form (pool_pick (r, &step->surnames), FORM_MALE);

          f->step_surname = g_strdup (step_surname);
          if (!add_guardian (g, f, "step_parent", FALSE, TRUE, "Mr",
                             adult_forename (r, step, FALSE), step_surname, step, error))
            return FALSE;
        }
    }
  else if (shape < 0.94)
    {
      /* A father on his own. */
      f->child_surname_entry = g_strdup (father_entry);
      if (!add_guardian (g, f, "father", TRUE, TRUE, parent_title (r, FALSE, FALSE),
                         father_forename, father_surname, f->culture2, error))
        return FALSE;
    }
  else
    {
      /* Kinship care: grandparents bring the children up under a child
       * arrangements order without PR; the mother keeps it. */
      gboolean nan = chance (r, 0.7);
      g_autofree char *gran_surname = surname_form (children_entry,
                                                    nan ? FORM_WIFE : FORM_MALE);

      mother_surname = surname_form (mother_entry, FORM_DAUGHTER);
      f->child_surname_entry = g_strdup (children_entry);
      if (!add_guardian (g, f, "grandparent", FALSE, TRUE,
                         nan ? "Mrs" : "Mr", nan ? PICK (r, elder_f) : PICK (r, elder_m),
                         gran_surname, f->culture, error)
          || !add_guardian (g, f, "mother", TRUE, FALSE, parent_title (r, TRUE, FALSE),
                            mother_forename, mother_surname, f->culture, error))
        return FALSE;
    }

  /* A grandparent as an extra contact, without PR. */
  if (f->n_links < MAX_GUARDIANS && chance (r, 0.1))
    {
      gboolean nan = chance (r, 0.65);
      g_autofree char *gran_surname = surname_form (father_entry, nan ? FORM_WIFE : FORM_MALE);

      if (!add_guardian (g, f, "grandparent", FALSE, FALSE,
                         nan ? "Mrs" : "Mr", nan ? PICK (r, elder_f) : PICK (r, elder_m),
                         gran_surname, f->culture2, error))
        return FALSE;
    }
  return TRUE;
}

static void
random_dob (GRand *rand,
            int    academic_year,
            int    nc,
            GDate *dob)
{
  /* Cohort Y (born 1 September Y – 31 August Y+1) is in Reception in Y+5. */
  int cohort = academic_year - nc - 5;
  GDate end;
  guint days;

  g_date_clear (dob, 1);
  g_date_clear (&end, 1);
  g_date_set_dmy (dob, 1, G_DATE_SEPTEMBER, cohort);
  g_date_set_dmy (&end, 1, G_DATE_SEPTEMBER, cohort + 1);
  days = (guint) g_date_days_between (dob, &end);
  g_date_add_days (dob, pick (rand, days));
}

/* The first weekday of September in the given year. */
static void
september_start (int    year,
                 GDate *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, 1, G_DATE_SEPTEMBER, year);
  while (g_date_get_weekday (out) == G_DATE_SATURDAY || g_date_get_weekday (out) == G_DATE_SUNDAY)
    g_date_add_days (out, 1);
}

static const char *
nickname_for (const char *forename)
{
  for (guint i = 0; i < G_N_ELEMENTS (nicknames); i++)
    if (strcmp (nicknames[i][0], forename) == 0)
      return nicknames[i][1];
  return NULL;
}

static gboolean
insert_child (Gen          *g,
              Family       *f,
              guint         slot,
              const GDate  *twin_dob,
              GDate        *out_dob,
              GError      **error)
{
  GRand *r = g->rand;
  const Slot *sl = &g->slots[slot];
  const SchoolPlan *plan = &g_array_index (g->schools, SchoolPlan, sl->school);
  const SchoolKind *kind = plan->kind;
  gboolean special = g_strcmp0 (kind->type, "special") == 0;
  gboolean pru = g_strcmp0 (kind->type, "pru") == 0;
  double sx = g_rand_double (r);
  char sex = sx < 0.496 ? 'F' : sx < 0.997 ? 'M' : 'U';
  const Culture *culture = f->culture2 != f->culture && chance (r, 0.4) ? f->culture2 : f->culture;
  const char *forename = child_forename (r, culture, sex);
  const char *middle = "";
  const char *preferred = "";
  g_autofree char *surname = NULL;
  const char *preferred_surname = "";
  char dob_text[11], start_text[11];
  GDate dob, start;
  int entry_year, start_year;
  g_autofree char *upn = NULL;
  gboolean ehcp, sen, fsm, yc, eal;
  sqlite3_stmt *stmt;
  gint64 pupil_id;

  if (f->child_surname_plain)
    surname = g_strdup (f->child_surname_entry);
  else
    surname = surname_form (f->child_surname_entry, sex == 'F' ? FORM_DAUGHTER : FORM_MALE);

  if (chance (r, 0.45))
    {
      middle = child_forename (r, culture, sex);
      if (strcmp (middle, forename) == 0)
        middle = "";
    }
  if (nickname_for (forename) != NULL && chance (r, 0.6))
    preferred = nickname_for (forename);
  if (f->step_surname != NULL && chance (r, 0.35))
    preferred_surname = f->step_surname;

  if (twin_dob != NULL)
    dob = *twin_dob;
  else
    random_dob (r, g->academic_year, sl->nc, &dob);
  g_assert (cl_nc_year_for (&dob, g->academic_year) == sl->nc);
  *out_dob = dob;

  /* When they joined this school: usually at its first year group. */
  entry_year = g->academic_year - (sl->nc - kind->nc_min);
  start_year = entry_year;
  if (pru)
    start_year = g->academic_year - (int) pick (r, (guint) MIN (2, sl->nc - kind->nc_min) + 1);
  else if (entry_year < g->academic_year && chance (r, kind->late))
    start_year = entry_year + 1 + (int) pick (r, (guint) (g->academic_year - entry_year));
  september_start (start_year, &start);

  upn = allocate_upn (g, sl->school, sl->nc, start_year == entry_year);

  if (special)
    {
      ehcp = chance (r, 0.9);
      sen = !ehcp;
    }
  else if (pru)
    {
      ehcp = chance (r, 0.12);
      sen = !ehcp && chance (r, 0.5);
    }
  else
    {
      ehcp = chance (r, g->p_ehcp);
      sen = !ehcp && chance (r, 0.13);
    }
  fsm = f->fsm || (pru && chance (r, 0.4));
  yc = sl->nc >= 3 && chance (r, 0.025);
  eal = f->home_language_other && chance (r, 0.9);

  stmt = g->insert_pupil;
  sqlite3_bind_text (stmt, 1, upn, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, forename, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, surname, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, middle, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, preferred, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, preferred_surname, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, cl_date_format_iso (&dob, dob_text), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, sex == 'F' ? "F" : sex == 'M' ? "M" : "U", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, f->address, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, f->postcode, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 11, ehcp);
  sqlite3_bind_int (stmt, 12, sen);
  sqlite3_bind_int (stmt, 13, fsm);
  sqlite3_bind_int (stmt, 14, f->looked_after);
  sqlite3_bind_int (stmt, 15, yc);
  sqlite3_bind_int (stmt, 16, eal);
  sqlite3_bind_text (stmt, 17, g->now, -1, SQLITE_STATIC);
  if (!step_done (g, stmt, error))
    return FALSE;
  pupil_id = last_id (g);

  stmt = g->insert_enrolment;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  sqlite3_bind_int64 (stmt, 2, plan->id);
  sqlite3_bind_text (stmt, 3, cl_date_format_iso (&start, start_text), -1, SQLITE_STATIC);
  if (!step_done (g, stmt, error))
    return FALSE;

  for (guint i = 0; i < f->n_links; i++)
    {
      stmt = g->insert_link;
      sqlite3_bind_int64 (stmt, 1, pupil_id);
      sqlite3_bind_int64 (stmt, 2, f->links[i].id);
      sqlite3_bind_text (stmt, 3, f->links[i].relationship, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, f->links[i].pr);
      sqlite3_bind_int (stmt, 5, f->links[i].lives_with);
      sqlite3_bind_int (stmt, 6, (int) i + 1);
      if (!step_done (g, stmt, error))
        return FALSE;
    }

  g->n_pupils++;
  return TRUE;
}

static guint
family_size (GRand *rand)
{
  double x = g_rand_double (rand);

  return x < 0.42 ? 1 : x < 0.78 ? 2 : x < 0.93 ? 3 : x < 0.98 ? 4 : 5;
}

static guint
sibling_gap (GRand *rand)
{
  static const guint gaps[] = { 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5, 6 };
  return PICK (rand, gaps);
}

/* Finds free places for the first child's brothers and sisters. */
static guint
find_siblings (Gen      *g,
               guint     first,
               guint    *kids,
               gboolean *twin)
{
  GRand *r = g->rand;
  guint want = family_size (r);
  guint n = 1;
  int lo = g->slots[first].nc, hi = lo;
  const SchoolPlan *home = &g_array_index (g->schools, SchoolPlan, g->slots[first].school);

  kids[0] = first;
  twin[0] = FALSE;
  while (n < want)
    {
      int target;
      int s = -1;
      gboolean is_twin = chance (r, 0.02);

      if (is_twin)
        target = g->slots[kids[n - 1]].nc;
      else
        {
          gboolean older = chance (r, 0.5);
          guint gap = sibling_gap (r);

          target = older ? hi + (int) gap : lo - (int) gap;
          if (target < -1 || target > 11)
            target = older ? lo - (int) gap : hi + (int) gap;
          if (target < -1 || target > 11)
            break;
        }

      if (is_twin)
        {
          const SchoolPlan *twin_school =
            &g_array_index (g->schools, SchoolPlan, g->slots[kids[n - 1]].school);
          s = pool_pop (g, twin_school->pools[YEAR_INDEX (target)]);
        }
      else if (chance (r, 0.6))
        s = pool_pop (g, home->pools[YEAR_INDEX (target)]);
      if (s < 0)
        s = pool_pop (g, g->year_pools[YEAR_INDEX (target)]);
      if (s < 0)
        break;

      kids[n] = (guint) s;
      twin[n] = is_twin;
      n++;
      lo = MIN (lo, target);
      hi = MAX (hi, target);
    }
  return n;
}

static gboolean
make_family (Gen     *g,
             guint    first,
             GError **error)
{
  GRand *r = g->rand;
  guint kids[MAX_CHILDREN];
  gboolean twin[MAX_CHILDREN];
  guint n_kids;
  const SchoolPlan *home;
  Family f = { 0 };
  GDate prev_dob;
  gboolean ok = FALSE;

  g_date_clear (&prev_dob, 1);
  g->slots[first].assigned = TRUE;
  n_kids = find_siblings (g, first, kids, twin);
  home = &g_array_index (g->schools, SchoolPlan, g->slots[first].school);

  f.wales = home->kind->wales;
  f.culture = pick_culture (g, f.wales);
  f.culture2 = chance (r, 0.1) ? pick_culture (g, f.wales) : f.culture;
  f.town = chance (r, 0.8) ? home->town : pick_town (r, f.wales);
  f.address = make_address (r, f.town);
  f.postcode = make_postcode (r, f.town);
  f.home_language_other = chance (r, f.culture->home_language);
  if (f.home_language_other && f.culture->languages.n > 0)
    f.language_other = pool_pick (r, &f.culture->languages);
  f.welsh_speaking = (f.culture == &cultures[CULTURE_WELSH]
                      && chance (r, f.wales ? 0.55 : f.culture->welsh))
                     || (f.wales && chance (r, 0.08));
  f.fsm = chance (r, 0.22);
  f.looked_after = chance (r, 0.009);

  if (!make_guardians (g, &f, error))
    goto out;

  for (guint i = 0; i < n_kids; i++)
    {
      GDate dob;

      if (!insert_child (g, &f, kids[i], twin[i] ? &prev_dob : NULL, &dob, error))
        goto out;
      prev_dob = dob;
    }
  ok = TRUE;

out:
  family_clear (&f);
  return ok;
}

/* --- driver ---------------------------------------------------------------------- */

static gboolean
database_is_empty (Gen     *g,
                   GError **error)
{
  sqlite3_stmt *stmt = cl_database_prepare (g->db,
                                            "SELECT (SELECT count(*) FROM school),"
                                            " (SELECT count(*) FROM pupil)",
                                            error);
  gint64 schools, pupils;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      cl_database_set_error (g->db, error, _("Could not read the database"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  schools = sqlite3_column_int64 (stmt, 0);
  pupils = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);

  if (schools > 0 || pupils > 0)
    {
      g_set_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_IN_USE,
                   _("This database is not empty (schools: %lld, pupils: %lld). Demo data "
                     "can only be added to an empty database."),
                   (long long) schools, (long long) pupils);
      return FALSE;
    }
  return TRUE;
}

static gboolean
prepare_statements (Gen     *g,
                    GError **error)
{
  g->insert_guardian =
    cl_database_prepare (g->db,
                         "INSERT INTO guardian (title, forename, surname, address, postcode,"
                         " phone_home, phone_mobile, phone_work, email, language, language_other,"
                         " created_at, updated_at)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?12, ?12)",
                         error);
  if (g->insert_guardian == NULL)
    return FALSE;
  g->insert_pupil =
    cl_database_prepare (g->db,
                         "INSERT INTO pupil (upn, legal_forename, legal_surname, middle_names,"
                         " preferred_forename, preferred_surname, dob, sex, address, postcode,"
                         " ehcp, sen_support, fsm, looked_after, young_carer, eal,"
                         " created_at, updated_at)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?17, ?17)",
                         error);
  if (g->insert_pupil == NULL)
    return FALSE;
  g->insert_enrolment =
    cl_database_prepare (g->db,
                         "INSERT INTO enrolment (pupil_id, school_id, start_date) VALUES (?, ?, ?)",
                         error);
  if (g->insert_enrolment == NULL)
    return FALSE;
  g->insert_link =
    cl_database_prepare (g->db,
                         "INSERT INTO pupil_guardian (pupil_id, guardian_id, relationship,"
                         " parental_responsibility, lives_with, contact_order)"
                         " VALUES (?, ?, ?, ?, ?, ?)",
                         error);
  return g->insert_link != NULL;
}

static gboolean
check_cancelled (Gen     *g,
                 GError **error)
{
  return g_cancellable_set_error_if_cancelled (g->cancellable, error);
}

static gboolean
generate (Gen                 *g,
          const ClDemoOptions *opts,
          GError             **error)
{
  g_autoptr(GArray) order = NULL;
  g_autofree char *detail = NULL;

  report (g, 0.0, _("Creating officers and schools"));
  g->n_slots = opts->n_pupils;
  if (!database_is_empty (g, error) || !create_officers (g, error))
    return FALSE;

  plan_schools (g, opts->n_schools, opts->n_pupils);
  if (!insert_schools (g, error) || check_cancelled (g, error))
    return FALSE;
  plan_slots (g);
  if (!prepare_statements (g, error))
    return FALSE;

  /* Families start from a random free place each time. */
  order = g_array_sized_new (FALSE, FALSE, sizeof (guint), g->n_slots);
  for (guint s = 0; s < g->n_slots; s++)
    g_array_append_val (order, s);
  shuffle (g->rand, order);

  g->next_progress = PROGRESS_EVERY;
  for (guint k = 0; k < order->len; k++)
    {
      guint s = g_array_index (order, guint, k);

      if (g->slots[s].assigned)
        continue;
      if (!make_family (g, s, error))
        return FALSE;
      if (g->n_pupils >= g->next_progress)
        {
          g_autofree char *text = g_strdup_printf (_("Creating pupils and families: %u of %u"),
                                                   g->n_pupils, g->n_slots);
          g->next_progress += PROGRESS_EVERY;
          report (g, 0.02 + 0.96 * g->n_pupils / g->n_slots, text);
          if (check_cancelled (g, error))
            return FALSE;
        }
    }
  g_assert (g->n_pupils == g->n_slots);

  /* Attendance: the whole of last academic year and this one up to today,
   * inside this same transaction and from the same GRand, so that a seed
   * still gives the same authority. */
  {
    GDate today;
    char today_iso[11];
    g_autofree char *last_year_end = g_strdup_printf ("%d-08-31", g->academic_year);

    cl_date_today (&today);
    if (!cl_attendance_demo_fill (g->db, g->rand, g->academic_year - 1, last_year_end, error))
      return FALSE;
    if (check_cancelled (g, error))
      return FALSE;
    if (!cl_attendance_demo_fill (g->db, g->rand, g->academic_year,
                                  cl_date_format_iso (&today, today_iso), error))
      return FALSE;
  }

  if (check_cancelled (g, error))
    return FALSE;

  /* Casework for the pupils with poor attendance, from the same GRand. */
  if (!cl_casework_demo_fill (g->db, g->rand, error) || check_cancelled (g, error))
    return FALSE;

  /* A made-up authority's letterhead, so the demo's letters read as letters. */
  {
    g_autoptr(ClLetterhead) letterhead = cl_letterhead_new ();

    letterhead->authority = g_strdup ("Northshire County Council");
    letterhead->service = g_strdup (_("Education Welfare Service"));
    letterhead->address = g_strdup ("County Hall\nMarket Street\nNorthtown\nNT1 1AA");
    letterhead->phone = g_strdup ("01632 960000");
    letterhead->email = g_strdup ("ews@northshire.example.org");
    if (!cl_letterhead_save (letterhead, g->db, error))
      return FALSE;
  }

  /* One audit entry for the whole authority; it names no one. */
  detail = g_strdup_printf ("demo data, seed %u: %u officers, %u schools, %u pupils, "
                            "%u guardians",
                            opts->seed, g->officers->len, g->schools->len, g->n_pupils,
                            g->n_guardians);
  return cl_audit_append (g->db, "create", "demo", 0, detail, error);
}

static void
gen_clear (Gen *g)
{
  for (guint i = 0; g->officers != NULL && i < g->officers->len; i++)
    g_free (g_array_index (g->officers, OfficerPlan, i).name);
  for (guint i = 0; g->schools != NULL && i < g->schools->len; i++)
    for (guint y = 0; y < N_YEARS; y++)
      g_clear_pointer (&g_array_index (g->schools, SchoolPlan, i).pools[y], g_array_unref);
  for (guint y = 0; y < N_YEARS; y++)
    g_clear_pointer (&g->year_pools[y], g_array_unref);
  g_clear_pointer (&g->officers, g_array_unref);
  g_clear_pointer (&g->schools, g_array_unref);
  g_clear_pointer (&g->slots, g_free);
  g_clear_pointer (&g->upns, g_hash_table_unref);
  g_clear_pointer (&g->serials, g_hash_table_unref);
  g_clear_pointer (&g->names, g_hash_table_unref);
  g_clear_pointer (&g->numbers, g_hash_table_unref);
  g_clear_pointer (&g->rand, g_rand_free);
  g_clear_pointer (&g->now, g_free);
}

void
cl_demo_options_init (ClDemoOptions *opts)
{
  g_return_if_fail (opts != NULL);

  opts->n_schools = CL_DEMO_DEFAULT_SCHOOLS;
  opts->n_pupils = CL_DEMO_DEFAULT_PUPILS;
  opts->seed = CL_DEMO_DEFAULT_SEED;
  opts->summary = NULL;
}

gboolean
cl_demo_generate (ClDatabase          *db,
                  const ClDemoOptions *opts,
                  ClDemoProgressFunc   progress,
                  gpointer             user_data,
                  GCancellable        *cancellable,
                  GError             **error)
{
  Gen g = { 0 };
  gboolean ok;

  g_return_val_if_fail (CL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (opts != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (opts->summary != NULL)
    memset (opts->summary, 0, sizeof *opts->summary);

  if (opts->n_schools < 1 || opts->n_schools > CL_DEMO_MAX_SCHOOLS)
    {
      g_set_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_INVALID,
                   _("Schools: a demo authority has between 1 and %u schools."),
                   CL_DEMO_MAX_SCHOOLS);
      return FALSE;
    }
  if (opts->n_pupils > CL_DEMO_MAX_PUPILS)
    {
      g_set_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_INVALID,
                   _("Pupils: a demo authority has at most %u pupils."), CL_DEMO_MAX_PUPILS);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  g.db = db;
  g.rand = g_rand_new_with_seed (opts->seed);
  g.academic_year = cl_current_academic_year ();
  g.now = cl_timestamp_now ();
  g.progress = progress;
  g.user_data = user_data;
  g.cancellable = cancellable;
  g.officers = g_array_new (FALSE, FALSE, sizeof (OfficerPlan));
  g.schools = g_array_new (FALSE, FALSE, sizeof (SchoolPlan));
  g.upns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g.serials = g_hash_table_new (NULL, NULL);
  g.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g.numbers = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cultures); i++)
    {
      g.culture_total[0] += cultures[i].weight;
      g.culture_total[1] += i == CULTURE_WELSH ? 45.0
                            : i == CULTURE_ENGLISH ? 40.0
                            : cultures[i].weight * 0.3;
    }

  ok = cl_database_begin (db, error);
  if (ok)
    {
      ok = generate (&g, opts, error);
      if (ok)
        ok = cl_database_commit (db, error);
      else
        cl_database_rollback (db);
    }

  if (ok)
    {
      if (opts->summary != NULL)
        {
          opts->summary->n_officers = g.officers->len;
          opts->summary->n_schools = g.schools->len;
          opts->summary->n_pupils = g.n_pupils;
          opts->summary->n_guardians = g.n_guardians;
        }
      report (&g, 1.0, _("Demo data created"));
    }

  gen_clear (&g);
  return ok;
}
