#ifndef TUOPIN_SQLITE_H
#define TUOPIN_SQLITE_H

#include <stdint.h>

/// A few calls of the SQLite that SQLiteNIO embeds (its symbols carry the prefix `sqlite_nio_`),
/// for the bulk load's prepared statements, which SQLiteNIO does not offer (it compiles every
/// statement anew and keeps its connection handle to itself), and for reading a large result's
/// columns as they are stepped, without a row of values built for each. The declarations here are copied
/// from its header `sqlite_nio_sqlite3.h` (sqlite-nio 1.13, SQLite 3.53); the symbols are linked
/// from SQLiteNIO's own object files, so this is the same library, locks and all.
typedef struct tuopin_sqlite3 tuopin_sqlite3;
typedef struct tuopin_sqlite3_stmt tuopin_sqlite3_stmt;

#define TUOPIN_SQLITE_OK 0
#define TUOPIN_SQLITE_ROW 100
#define TUOPIN_SQLITE_DONE 101

/// A column value's storage class (`tuopin_sqlite_column_type`).
#define TUOPIN_SQLITE_INTEGER 1
#define TUOPIN_SQLITE_FLOAT 2
#define TUOPIN_SQLITE_TEXT 3
#define TUOPIN_SQLITE_BLOB 4
#define TUOPIN_SQLITE_NULL 5

/// Registers, for every connection opened in this process from now on, the SQL function
/// `tuopin_connection()`: the connection's own `sqlite3 *` as an integer. It is direct-only
/// (no trigger or view may call it). Returns an SQLite result code; registering twice is harmless.
int tuopin_sqlite_register_connection_function(void);

/// Compiles `sql` (NUL-terminated) once, for many runs.
int tuopin_sqlite_prepare(tuopin_sqlite3 *db, const char *sql, tuopin_sqlite3_stmt **statement);
int tuopin_sqlite_bind_int64(tuopin_sqlite3_stmt *statement, int index, int64_t value);
/// Binds `length` bytes of UTF-8; SQLite copies them before it returns.
int tuopin_sqlite_bind_text(tuopin_sqlite3_stmt *statement, int index, const char *text, int length);
int tuopin_sqlite_bind_null(tuopin_sqlite3_stmt *statement, int index);
int tuopin_sqlite_bind_double(tuopin_sqlite3_stmt *statement, int index, double value);
int tuopin_sqlite_step(tuopin_sqlite3_stmt *statement);
int tuopin_sqlite_reset(tuopin_sqlite3_stmt *statement);
int tuopin_sqlite_finalize(tuopin_sqlite3_stmt *statement);
/// The columns of a stepped row (index from 0), valid until the next step, reset or finalize:
/// their number and names, each value's storage class, and its value read as that class.
int tuopin_sqlite_column_count(tuopin_sqlite3_stmt *statement);
const char *tuopin_sqlite_column_name(tuopin_sqlite3_stmt *statement, int index);
int tuopin_sqlite_column_type(tuopin_sqlite3_stmt *statement, int index);
int64_t tuopin_sqlite_column_int64(tuopin_sqlite3_stmt *statement, int index);
double tuopin_sqlite_column_double(tuopin_sqlite3_stmt *statement, int index);
/// The text's UTF-8 bytes (not NUL-terminated here: use `tuopin_sqlite_column_bytes`).
const unsigned char *tuopin_sqlite_column_text(tuopin_sqlite3_stmt *statement, int index);
int tuopin_sqlite_column_bytes(tuopin_sqlite3_stmt *statement, int index);
/// Takes and lets go the connection's own (recursive) mutex: held around a batch of calls, each
/// call's own locking then finds it held by its thread, which costs no atomic operation.
void tuopin_sqlite_hold(tuopin_sqlite3 *db);
void tuopin_sqlite_release(tuopin_sqlite3 *db);
/// The connection's latest error, in English, and its extended result code.
const char *tuopin_sqlite_errmsg(tuopin_sqlite3 *db);
int tuopin_sqlite_extended_errcode(tuopin_sqlite3 *db);

#endif
