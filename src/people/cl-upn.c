/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-upn"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "people/cl-people-error.h"
#include "people/cl-upn.h"

G_DEFINE_QUARK (cl-people-error-quark, cl_people_error)

/* The DfE check alphabet: I, O and S are never used. For a temporary UPN the
 * 13th character is looked up in the same alphabet followed by the digits, so
 * a digit keeps its face value (23 ≡ 0 mod 23). */
static const char alphabet[] = "ABCDEFGHJKLMNPQRTUVWXYZ";

static int
char_value (char c)
{
  const char *p;

  if (g_ascii_isdigit (c))
    return c - '0';
  p = strchr (alphabet, c);
  return (p != NULL && c != '\0') ? (int) (p - alphabet) : -1;
}

char *
cl_upn_normalize (const char *text)
{
  g_autofree char *copy = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  copy = g_strstrip (g_strdup (text));
  return g_ascii_strup (copy, -1);
}

char
cl_upn_check_letter (const char *tail12)
{
  int sum = 0;

  g_return_val_if_fail (tail12 != NULL && strlen (tail12) == 12, '?');
  for (int i = 0; i < 12; i++)
    {
      int v = char_value (tail12[i]);
      if (v < 0)
        return '?';
      sum += v * (i + 2);
    }
  return alphabet[sum % 23];
}

ClUpnResult
cl_upn_check (const char *upn,
              char       *expected_letter)
{
  char expected;

  if (expected_letter != NULL)
    *expected_letter = '\0';
  if (upn == NULL || strlen (upn) != 13)
    return CL_UPN_WRONG_LENGTH;
  if (strchr (alphabet, upn[0]) == NULL)
    return CL_UPN_BAD_CHECK_LETTER;
  for (int i = 1; i < 4; i++)
    if (!g_ascii_isdigit (upn[i]))
      return CL_UPN_BAD_LA;
  for (int i = 4; i < 12; i++)
    if (!g_ascii_isdigit (upn[i]))
      return CL_UPN_NOT_NUMERIC;
  if (char_value (upn[12]) < 0)
    return CL_UPN_BAD_LAST;

  expected = cl_upn_check_letter (upn + 1);
  if (expected_letter != NULL)
    *expected_letter = expected;
  if (expected != upn[0])
    return CL_UPN_WRONG_CHECK_LETTER;
  return CL_UPN_VALID;
}

char *
cl_upn_describe (ClUpnResult result,
                 char        expected_letter)
{
  switch (result)
    {
    case CL_UPN_VALID:
      return g_strdup (_("valid"));
    case CL_UPN_WRONG_LENGTH:
      return g_strdup (_("a UPN has exactly 13 characters"));
    case CL_UPN_BAD_CHECK_LETTER:
      return g_strdup (_("character 1 must be a check letter (A–Z except I, O and S)"));
    case CL_UPN_BAD_LA:
      return g_strdup (_("characters 2–4 are not a three-digit LA code"));
    case CL_UPN_NOT_NUMERIC:
      return g_strdup (_("characters 5–12 are not all digits"));
    case CL_UPN_BAD_LAST:
      return g_strdup (_("character 13 must be a digit, or a letter in a temporary UPN"));
    case CL_UPN_WRONG_CHECK_LETTER:
      return g_strdup_printf (_("wrong check letter at character 1 (should be %c)"),
                              expected_letter);
    default:
      g_assert_not_reached ();
    }
}

gboolean
cl_upn_validate (const char  *upn,
                 GError     **error)
{
  char expected;
  ClUpnResult result = cl_upn_check (upn, &expected);
  g_autofree char *why = NULL;

  if (result == CL_UPN_VALID)
    return TRUE;
  why = cl_upn_describe (result, expected);
  g_set_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_INVALID,
               _("UPN “%s”: %s"), upn != NULL ? upn : "", why);
  return FALSE;
}

gboolean
cl_upn_is_temporary (const char *upn)
{
  return upn != NULL && strlen (upn) == 13 && g_ascii_isalpha (upn[12]);
}

char *
cl_upn_build (guint la,
              guint estab,
              guint year2,
              guint serial)
{
  char tail[13];

  g_return_val_if_fail (la <= 999 && estab <= 9999 && year2 <= 99 && serial <= 999, NULL);
  g_snprintf (tail, sizeof tail, "%03u%04u%02u%03u", la, estab, year2, serial);
  return g_strdup_printf ("%c%s", cl_upn_check_letter (tail), tail);
}
