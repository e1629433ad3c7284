/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-documents"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "casework/cl-case-repository.h"
#include "documents/cl-documents-error.h"
#include "documents/cl-letter.h"
#include "documents/cl-placeholders.h"
#include "people/cl-officer-repository.h"
#include "people/cl-pupil-repository.h"
#include "people/cl-school-repository.h"
#include "store/cl-dates.h"

/* Private keys of the values table: not placeholders (a template cannot name
 * them, since names starting with "_" are not in the registry). */
#define KEY_RECIPIENT   "_recipient"        /* the address block, one line each */
#define KEY_OFFICER_ROLE "_officer.role"
#define KEY_REFERENCE   "_reference"
#define KEY_ATTENDED    "_attendance.attended"

static const char *const month_names[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

static const char *const weekday_names[] = {
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"),
  N_("Sunday"),
};

/* Welsh whatever the language of the interface: these fill the Welsh half of
 * a bilingual letter, so they are not for translation. */
static const char *const welsh_month_names[] = {
  "Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin",
  "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr",
};

static const char *const welsh_weekday_names[] = {
  "Dydd Llun", "Dydd Mawrth", "Dydd Mercher", "Dydd Iau", "Dydd Gwener", "Dydd Sadwrn",
  "Dydd Sul",
};

char *
cl_letter_format_date (const char *iso,
                       gboolean    weekday)
{
  GDate d;

  if (iso == NULL || !cl_date_parse (iso, &d))
    return NULL;
  if (weekday)
    return g_strdup_printf ("%s %d %s %d", _(weekday_names[g_date_get_weekday (&d) - 1]),
                            g_date_get_day (&d), _(month_names[g_date_get_month (&d) - 1]),
                            g_date_get_year (&d));
  return g_strdup_printf ("%d %s %d", g_date_get_day (&d),
                          _(month_names[g_date_get_month (&d) - 1]), g_date_get_year (&d));
}

char *
cl_letter_format_date_welsh (const char *iso,
                             gboolean    weekday)
{
  GDate d;

  if (iso == NULL || !cl_date_parse (iso, &d))
    return NULL;
  if (weekday)
    return g_strdup_printf ("%s %d %s %d", welsh_weekday_names[g_date_get_weekday (&d) - 1],
                            g_date_get_day (&d), welsh_month_names[g_date_get_month (&d) - 1],
                            g_date_get_year (&d));
  return g_strdup_printf ("%d %s %d", g_date_get_day (&d),
                          welsh_month_names[g_date_get_month (&d) - 1], g_date_get_year (&d));
}

static void
put (GHashTable *values,
     const char *key,
     const char *value)
{
  if (value != NULL && *value != '\0')
    g_hash_table_insert (values, g_strdup (key), g_strdup (value));
}

static void
take (GHashTable *values,
      const char *key,
      char       *value)
{
  if (value != NULL && *value != '\0')
    g_hash_table_insert (values, g_strdup (key), value);
  else
    g_free (value);
}

/* "177 Beech Close, Market Drayton" and "TF9 2SA" on one line. */
static char *
one_line_address (const char *address,
                  const char *postcode)
{
  g_auto(GStrv) parts = g_strsplit_set (address != NULL ? address : "", ",\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, parts[i]);
    }
  if (postcode != NULL && *postcode != '\0')
    {
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, postcode);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The same address, one part per line, under the name. */
static char *
address_block (const char *name,
               const char *address,
               const char *postcode)
{
  g_autofree char *line = one_line_address (address, postcode);
  g_auto(GStrv) parts = g_strsplit (line, ", ", -1);
  g_autofree char *lines = g_strjoinv ("\n", parts);

  return g_strdup_printf ("%s\n%s\n%s", _("Private and confidential"), name, lines);
}

/* Puts a date under key in English and under key.cy in Welsh. */
static void
take_date (GHashTable *values,
           const char *key,
           const char *iso,
           gboolean    weekday)
{
  g_autofree char *welsh_key = g_strconcat (key, CL_PLACEHOLDER_WELSH_SUFFIX, NULL);

  take (values, key, cl_letter_format_date (iso, weekday));
  take (values, welsh_key, cl_letter_format_date_welsh (iso, weekday));
}

static gboolean
looks_like_date_key (const char *key)
{
  return g_str_has_suffix (key, ".date") || strcmp (key, "improvement.end") == 0;
}

/* "meeting.date.cy": the Welsh form of a date key. */
static gboolean
looks_like_welsh_date_key (const char *key)
{
  g_autofree char *base = NULL;

  if (!g_str_has_suffix (key, CL_PLACEHOLDER_WELSH_SUFFIX))
    return FALSE;
  base = g_strndup (key, strlen (key) - strlen (CL_PLACEHOLDER_WELSH_SUFFIX));
  return looks_like_date_key (base);
}

/* Values the caller typed: an ISO (or DD/MM/YYYY) date for a date key is
 * written out with its weekday, in English for key and in Welsh for key.cy;
 * a date given only in English fills the Welsh form too (with the text as
 * typed when it is not a date). A Welsh value given explicitly wins. */
static void
put_extra (GHashTable *values,
           GHashTable *extra)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, extra);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (looks_like_welsh_date_key (key))
        {
          char *date = cl_letter_format_date_welsh (value, TRUE);

          if (date != NULL)
            take (values, key, date);
          else
            put (values, key, value);
        }
      else if (looks_like_date_key (key))
        {
          g_autofree char *welsh_key = g_strconcat (key, CL_PLACEHOLDER_WELSH_SUFFIX, NULL);
          const char *given = g_hash_table_lookup (extra, welsh_key);
          char *date = cl_letter_format_date (value, TRUE);

          if (date != NULL)
            take (values, key, date);
          else
            put (values, key, value);
          if (given == NULL || *given == '\0')
            {
              date = cl_letter_format_date_welsh (value, TRUE);
              if (date != NULL)
                take (values, welsh_key, date);
              else
                put (values, welsh_key, value);
            }
        }
      else
        put (values, key, value);
    }
}

static ClOfficer *
choose_officer (ClDatabase             *db,
                ClSchool               *school,
                const ClLetterOptions  *options,
                GError                **error)
{
  g_autoptr(ClOfficerRepository) officers = cl_officer_repository_new (db);
  g_autoptr(GListModel) all = NULL;
  gint64 id = options != NULL ? options->officer_id : 0;

  if (id == 0 && school != NULL)
    id = cl_school_get_link_officer_id (school);
  if (id != 0)
    return cl_officer_repository_get (officers, id, error);
  all = cl_officer_repository_list (officers, error);
  if (all == NULL)
    return NULL;
  if (g_list_model_get_n_items (all) == 0)
    {
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_INVALID,
                   _("There is no officer to sign the letter: add an officer first"));
      return NULL;
    }
  return g_list_model_get_item (all, 0);
}

static double
one_decimal (double value)
{
  return round (value * 10.0) / 10.0;
}

GHashTable *
cl_letter_values_for (ClDatabase             *db,
                      gint64                  pupil_id,
                      gint64                  guardian_id,
                      const ClLetterOptions  *options,
                      GError                **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(ClPupilRepository) pupils = NULL;
  g_autoptr(ClSchoolRepository) schools = NULL;
  g_autoptr(ClPupil) pupil = NULL;
  g_autoptr(ClSchool) school = NULL;
  g_autoptr(ClGuardian) guardian = NULL;
  g_autoptr(GListModel) guardians = NULL;
  g_autoptr(ClOfficer) officer = NULL;
  g_autoptr(ClLetterhead) letterhead = NULL;
  g_autofree char *from = NULL, *to = NULL;
  ClAttendanceSummary summary;
  GDate today;
  char today_iso[11];

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  pupils = cl_pupil_repository_new (db);
  schools = cl_school_repository_new (db);
  pupil = cl_pupil_repository_get (pupils, pupil_id, error);
  if (pupil == NULL)
    return NULL;
  guardians = cl_pupil_repository_guardians (pupils, pupil_id, error);
  if (guardians == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (guardians) && guardian == NULL; i++)
    {
      g_autoptr(ClGuardian) g = g_list_model_get_item (guardians, i);
      if (cl_guardian_get_id (g) == guardian_id)
        guardian = g_steal_pointer (&g);
    }
  if (guardian == NULL)
    {
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_NOT_FOUND,
                   _("Parent or carer %" G_GINT64_FORMAT " is not linked to pupil %s"),
                   guardian_id, cl_pupil_get_upn (pupil));
      return NULL;
    }
  if (cl_pupil_get_school_id (pupil) != 0)
    {
      school = cl_school_repository_get (schools, cl_pupil_get_school_id (pupil), error);
      if (school == NULL)
        return NULL;
    }
  officer = choose_officer (db, school, options, error);
  if (officer == NULL)
    return NULL;
  if (options == NULL || options->letterhead == NULL)
    letterhead = cl_letterhead_load (db);

  /* The period: this academic year to date unless given. */
  cl_date_today (&today);
  cl_date_format_iso (&today, today_iso);
  to = g_strdup (options != NULL && options->to != NULL ? options->to : today_iso);
  if (options != NULL && options->from != NULL)
    from = g_strdup (options->from);
  else
    {
      GDate end;
      if (!cl_date_parse (to, &end))
        end = today;
      from = g_strdup_printf ("%d-09-01", cl_academic_year_of (&end));
    }
  if (!cl_attendance_summary_for_pupil (db, pupil_id, from, to, &summary, error))
    return NULL;

  /* Pupil. */
  put (values, "pupil.forename", cl_pupil_get_forename (pupil));
  put (values, "pupil.surname", cl_pupil_get_surname (pupil));
  take (values, "pupil.full_name",
        g_strdup_printf ("%s %s", cl_pupil_get_forename (pupil), cl_pupil_get_surname (pupil)));
  take_date (values, "pupil.dob", cl_pupil_get_dob (pupil), FALSE);
  put (values, "pupil.upn", cl_pupil_get_upn (pupil));
  if (cl_pupil_get_dob (pupil) != NULL)
    take (values, "pupil.year", cl_nc_year_label (cl_pupil_get_nc_year (pupil)));
  put (values, "pupil.school", cl_pupil_get_school_name (pupil));
  take (values, "pupil.address",
        one_line_address (cl_pupil_get_text (pupil, CL_PUPIL_ADDRESS),
                          cl_pupil_get_text (pupil, CL_PUPIL_POSTCODE)));

  /* School. */
  if (school != NULL)
    {
      put (values, "school.name", cl_school_get_name (school));
      take (values, "school.address",
            one_line_address (cl_school_get_text (school, CL_SCHOOL_ADDRESS),
                              cl_school_get_text (school, CL_SCHOOL_POSTCODE)));
      put (values, "school.head_teacher", cl_school_get_text (school, CL_SCHOOL_HEAD_TEACHER));
    }

  /* The parent or carer the letter goes to. */
  {
    g_autofree char *name = cl_guardian_dup_display_name (guardian);
    const char *address = cl_guardian_get_text (guardian, CL_GUARDIAN_ADDRESS);
    const char *postcode = cl_guardian_get_text (guardian, CL_GUARDIAN_POSTCODE);

    put (values, "guardian.name", name);
    put (values, "guardian.title", cl_guardian_get_text (guardian, CL_GUARDIAN_TITLE));
    put (values, "guardian.surname", cl_guardian_get_text (guardian, CL_GUARDIAN_SURNAME));
    take (values, "guardian.address", one_line_address (address, postcode));
    take (values, KEY_RECIPIENT, address_block (name, address, postcode));
  }

  /* Attendance, as the DfE counts it, one decimal place. */
  take (values, "attendance.percent",
        g_strdup_printf ("%.1f%%", one_decimal (summary.attendance_percent)));
  take (values, "attendance.possible", g_strdup_printf ("%u", summary.possible));
  take (values, "attendance.authorised", g_strdup_printf ("%u", summary.authorised));
  take (values, "attendance.unauthorised", g_strdup_printf ("%u", summary.unauthorised));
  take (values, KEY_ATTENDED,
        g_strdup_printf ("%u", summary.present + summary.approved_activity));
  take_date (values, "attendance.from", from, FALSE);
  take_date (values, "attendance.to", to, FALSE);

  /* Officer and letterhead. */
  put (values, "officer.name", cl_officer_get_name (officer));
  put (values, "officer.phone", cl_officer_get_phone (officer));
  put (values, "officer.email", cl_officer_get_email (officer));
  put (values, KEY_OFFICER_ROLE, cl_officer_role_label (cl_officer_get_role (officer)));
  take (values, "_officer.id", g_strdup_printf ("%" G_GINT64_FORMAT, cl_officer_get_id (officer)));
  take_date (values, "today", today_iso, FALSE);
  put (values, "authority.name",
       (letterhead != NULL ? letterhead : options->letterhead)->authority);
  put (values, "service.name", (letterhead != NULL ? letterhead : options->letterhead)->service);
  take (values, KEY_REFERENCE,
        g_strdup_printf ("EWS/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, pupil_id, guardian_id));

  /* What the caller knows: meeting and visit details. */
  if (options != NULL && options->extra != NULL)
    put_extra (values, options->extra);
  return g_steal_pointer (&values);
}

GHashTable *
cl_letter_values_sample (void)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const ClPlaceholder *all;
  guint n;

  all = cl_placeholders_get_all (&n);
  for (guint i = 0; i < n; i++)
    put (values, all[i].name, all[i].example);
  put (values, KEY_RECIPIENT,
       "Private and confidential\nMrs Sarah Taylor\n12 Mill Lane\nNorthtown\nNT1 4AB");
  put (values, KEY_OFFICER_ROLE, _("Education welfare officer"));
  put (values, KEY_REFERENCE, "EWS/0/0");
  put (values, KEY_ATTENDED, "215");
  return values;
}

/* --- layout ------------------------------------------------------------------------ */

static const char *
value_or_blank (GHashTable *values,
                const char *key)
{
  const char *v = g_hash_table_lookup (values, key);
  return v != NULL && *v != '\0' ? v : CL_PLACEHOLDER_BLANK;
}

static void
add_attendance_table (ClDocument *doc,
                      GHashTable *values)
{
  g_autofree char *period = g_strdup_printf (_("%s to %s"),
                                             value_or_blank (values, "attendance.from"),
                                             value_or_blank (values, "attendance.to"));
  const char *pairs[] = {
    _("Period"), period,
    _("Possible sessions"), value_or_blank (values, "attendance.possible"),
    _("Sessions attended"), value_or_blank (values, KEY_ATTENDED),
    _("Authorised absence"), value_or_blank (values, "attendance.authorised"),
    _("Unauthorised absence"), value_or_blank (values, "attendance.unauthorised"),
    _("Attendance"), value_or_blank (values, "attendance.percent"),
    NULL,
  };

  cl_document_add_key_values (doc, pairs);
}

static void
add_signature (ClDocument      *doc,
               GHashTable      *values,
               cairo_surface_t *signature)
{
  cl_document_add_signature (doc, value_or_blank (values, "officer.name"),
                             g_hash_table_lookup (values, KEY_OFFICER_ROLE), signature);
}

/* Adds the paragraph collected in para (lines joined by newlines). */
static void
flush_paragraph (ClDocument *doc,
                 GString    *para,
                 GHashTable *values,
                 GPtrArray  *missing)
{
  g_autofree char *markup = NULL;

  if (para->len == 0)
    return;
  markup = cl_template_expand (para->str, values, TRUE, missing);
  cl_document_add_paragraph (doc, markup, CL_DOCUMENT_ALIGN_LEFT);
  g_string_truncate (para, 0);
}

static void
add_body (ClDocument      *doc,
          const char      *body,
          GHashTable      *values,
          cairo_surface_t *signature,
          int              heading_offset,
          GPtrArray       *missing,
          gboolean        *signed_out)
{
  g_auto(GStrv) lines = g_strsplit (body, "\n", -1);
  g_autoptr(GString) para = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      g_autofree char *trimmed = g_strstrip (g_strdup (line));

      g_strchomp (line);
      if (*trimmed == '\0')
        {
          flush_paragraph (doc, para, values, missing);
          continue;
        }
      if (strcmp (trimmed, CL_TEMPLATE_DIRECTIVE_SIGNATURE) == 0)
        {
          flush_paragraph (doc, para, values, missing);
          add_signature (doc, values, signature);
          *signed_out = TRUE;
          continue;
        }
      if (strcmp (trimmed, CL_TEMPLATE_DIRECTIVE_ATTENDANCE) == 0)
        {
          flush_paragraph (doc, para, values, missing);
          add_attendance_table (doc, values);
          continue;
        }
      if (strcmp (trimmed, CL_TEMPLATE_DIRECTIVE_PAGE_BREAK) == 0)
        {
          flush_paragraph (doc, para, values, missing);
          cl_document_add_page_break (doc);
          continue;
        }
      if (g_str_has_prefix (line, "# ") || g_str_has_prefix (line, "## "))
        {
          int level = line[1] == '#' ? 2 : 1;
          g_autofree char *text = cl_template_expand (line + level + 1, values, FALSE, missing);

          flush_paragraph (doc, para, values, missing);
          cl_document_add_heading (doc, MIN (level + heading_offset, 3), g_strstrip (text));
          continue;
        }
      if (g_str_has_prefix (line, "- "))
        {
          g_autofree char *markup = cl_template_expand (line + 2, values, TRUE, missing);

          flush_paragraph (doc, para, values, missing);
          cl_document_add_bullet (doc, markup);
          continue;
        }
      if (para->len > 0)
        g_string_append_c (para, '\n');
      g_string_append (para, line);
    }
  flush_paragraph (doc, para, values, missing);
}

ClDocument *
cl_letter_build (ClLetterTemplate   *tmpl,
                 GHashTable         *values,
                 const ClLetterhead *letterhead,
                 cairo_surface_t    *signature,
                 GPtrArray          *missing)
{
  g_autoptr(ClDocument) doc = NULL;
  g_autofree char *title = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *today = NULL;
  const char *kind, *reference;
  gboolean card, signed_out = FALSE;

  g_return_val_if_fail (CL_IS_LETTER_TEMPLATE (tmpl), NULL);
  g_return_val_if_fail (values != NULL, NULL);

  kind = cl_letter_template_get_kind (tmpl);
  card = g_strcmp0 (kind, "card") == 0;
  title = cl_template_expand (cl_letter_template_get_title (tmpl), values, FALSE, missing);
  reference = g_hash_table_lookup (values, KEY_REFERENCE);

  doc = cl_document_new ();
  cl_document_set_title (doc, title);
  cl_document_set_author (doc, g_hash_table_lookup (values, "officer.name"));
  cl_document_set_subject (doc, cl_letter_template_get_description (tmpl));
  cl_document_set_keywords (doc, cl_letter_template_get_name (tmpl));
  cl_document_set_font (doc, card ? "Sans 10.5" : "Sans 10");
  if (letterhead != NULL && card)
    {
      /* A card is left at the door: the name and a telephone number are
       * enough, and the A5 width has no room for an address column. */
      g_autoptr(ClLetterhead) small = cl_letterhead_copy (letterhead);

      g_clear_pointer (&small->address, g_free);
      g_clear_pointer (&small->email, g_free);
      g_clear_pointer (&small->website, g_free);
      cl_document_set_letterhead (doc, small);
    }
  else if (letterhead != NULL)
    cl_document_set_letterhead (doc, letterhead);
  if (reference != NULL)
    {
      footer = g_strdup_printf (_("Our reference %s"), reference);
      cl_document_set_footer_text (doc, footer);
    }

  if (card)
    {
      cl_document_set_page_size (doc, CL_PAGE_A5_WIDTH, CL_PAGE_A5_HEIGHT);
      cl_document_set_margins (doc, 36, 36, 48, 36);
      cl_document_add_heading (doc, 1, title);
    }
  else
    {
      const char *recipient = g_hash_table_lookup (values, KEY_RECIPIENT);
      const char *pairs[] = {
        _("Date"), value_or_blank (values, "today"),
        _("Our reference"), reference != NULL ? reference : "",
        _("Contact"), value_or_blank (values, "officer.name"),
        _("Telephone"), value_or_blank (values, "officer.phone"),
        _("Email"), value_or_blank (values, "officer.email"),
        NULL,
      };

      cl_document_add_address (doc, recipient != NULL ? recipient : "", pairs);
      cl_document_add_heading (doc, 1, title);
    }

  add_body (doc, cl_letter_template_get_body (tmpl), values, signature, 1, missing, &signed_out);
  if (!signed_out)
    add_signature (doc, values, signature);
  return g_steal_pointer (&doc);
}

ClDocument *
cl_letter_build_sample (ClLetterTemplate   *tmpl,
                        const ClLetterhead *letterhead)
{
  g_autoptr(GHashTable) values = cl_letter_values_sample ();

  g_return_val_if_fail (CL_IS_LETTER_TEMPLATE (tmpl), NULL);
  return cl_letter_build (tmpl, values, letterhead, NULL, NULL);
}

/* --- the case chronology -------------------------------------------------------------- */

gboolean
cl_letters_record_in_case (ClDatabase  *db,
                           gint64       sent_document_id,
                           gint64       pupil_id,
                           const char  *summary,
                           const char  *on_date,
                           gint64      *out_case_id,
                           GError     **error)
{
  g_autoptr(ClCaseRepository) cases = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(ClCase) open_case = NULL;
  g_autoptr(ClCaseEvent) event = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CL_IS_DATABASE (db), FALSE);

  if (out_case_id != NULL)
    *out_case_id = 0;
  cases = cl_case_repository_new (db);
  list = cl_case_repository_cases_for_pupil (cases, pupil_id, error);
  if (list == NULL)
    return FALSE;
  /* Newest referral first: the first case not closed is the open one. */
  for (guint i = 0; i < g_list_model_get_n_items (list) && open_case == NULL; i++)
    {
      g_autoptr(ClCase) c = g_list_model_get_item (list, i);
      if (g_strcmp0 (cl_case_get_status (c), "closed") != 0)
        open_case = g_steal_pointer (&c);
    }
  if (open_case == NULL)
    return TRUE;

  if (!cl_database_begin (db, error))
    return FALSE;
  event = cl_case_event_new (cl_case_get_id (open_case), "letter", on_date);
  cl_case_event_set_text (event, CL_CASE_EVENT_SUMMARY, summary);
  if (!cl_case_repository_add_event (cases, event, error))
    {
      cl_database_rollback (db);
      return FALSE;
    }
  stmt = cl_database_prepare (db, "UPDATE sent_document SET case_id = ? WHERE id = ?", error);
  if (stmt == NULL)
    {
      cl_database_rollback (db);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, cl_case_get_id (open_case));
  sqlite3_bind_int64 (stmt, 2, sent_document_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not link the letter to the case"));
      cl_database_rollback (db);
      return FALSE;
    }
  if (out_case_id != NULL)
    *out_case_id = cl_case_get_id (open_case);
  return cl_database_commit (db, error);
}
