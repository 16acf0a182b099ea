#include "tuopin_sqlite.h"

#include <stddef.h>

// SQLiteNIO's embedded SQLite, as declared in its sqlite_nio_sqlite3.h.
typedef struct sqlite3 sqlite3;
typedef struct sqlite3_stmt sqlite3_stmt;
typedef struct sqlite3_context sqlite3_context;
typedef struct sqlite3_value sqlite3_value;
typedef struct sqlite3_api_routines sqlite3_api_routines;

#define SQLITE_UTF8 1
#define SQLITE_DETERMINISTIC 0x000000800
#define SQLITE_DIRECTONLY 0x000080000
#define SQLITE_PREPARE_PERSISTENT 0x01
#define SQLITE_TRANSIENT ((void (*)(void *))-1)

extern int sqlite_nio_sqlite3_auto_extension(void (*xEntryPoint)(void));
extern int sqlite_nio_sqlite3_create_function_v2(
    sqlite3 *db, const char *zFunctionName, int nArg, int eTextRep, void *pApp,
    void (*xFunc)(sqlite3_context *, int, sqlite3_value **), void (*xStep)(sqlite3_context *, int, sqlite3_value **),
    void (*xFinal)(sqlite3_context *), void (*xDestroy)(void *));
extern sqlite3 *sqlite_nio_sqlite3_context_db_handle(sqlite3_context *);
extern void sqlite_nio_sqlite3_result_int64(sqlite3_context *, int64_t);
extern int sqlite_nio_sqlite3_prepare_v3(
    sqlite3 *db, const char *zSql, int nByte, unsigned int prepFlags, sqlite3_stmt **ppStmt, const char **pzTail);
extern int sqlite_nio_sqlite3_bind_int64(sqlite3_stmt *, int, int64_t);
extern int sqlite_nio_sqlite3_bind_text(sqlite3_stmt *, int, const char *, int, void (*)(void *));
extern int sqlite_nio_sqlite3_bind_null(sqlite3_stmt *, int);
extern int sqlite_nio_sqlite3_bind_double(sqlite3_stmt *, int, double);
extern int sqlite_nio_sqlite3_column_count(sqlite3_stmt *);
extern const char *sqlite_nio_sqlite3_column_name(sqlite3_stmt *, int);
extern int sqlite_nio_sqlite3_column_type(sqlite3_stmt *, int);
extern int64_t sqlite_nio_sqlite3_column_int64(sqlite3_stmt *, int);
extern double sqlite_nio_sqlite3_column_double(sqlite3_stmt *, int);
extern const unsigned char *sqlite_nio_sqlite3_column_text(sqlite3_stmt *, int);
extern int sqlite_nio_sqlite3_column_bytes(sqlite3_stmt *, int);
extern int sqlite_nio_sqlite3_step(sqlite3_stmt *);
extern int sqlite_nio_sqlite3_reset(sqlite3_stmt *);
extern int sqlite_nio_sqlite3_finalize(sqlite3_stmt *);
extern const char *sqlite_nio_sqlite3_errmsg(sqlite3 *);
typedef struct sqlite3_mutex sqlite3_mutex;
extern sqlite3_mutex *sqlite_nio_sqlite3_db_mutex(sqlite3 *);
extern void sqlite_nio_sqlite3_mutex_enter(sqlite3_mutex *);
extern void sqlite_nio_sqlite3_mutex_leave(sqlite3_mutex *);
extern int sqlite_nio_sqlite3_extended_errcode(sqlite3 *);

static void connection_handle(sqlite3_context *context, int argc, sqlite3_value **argv) {
    (void)argc;
    (void)argv;
    sqlite_nio_sqlite3_result_int64(context, (int64_t)(intptr_t)sqlite_nio_sqlite3_context_db_handle(context));
}

static int register_on_open(sqlite3 *db, char **error, const sqlite3_api_routines *api) {
    (void)error;
    (void)api;
    return sqlite_nio_sqlite3_create_function_v2(
        db, "tuopin_connection", 0, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, NULL, connection_handle, NULL,
        NULL, NULL);
}

int tuopin_sqlite_register_connection_function(void) {
    return sqlite_nio_sqlite3_auto_extension((void (*)(void))register_on_open);
}

int tuopin_sqlite_prepare(tuopin_sqlite3 *db, const char *sql, tuopin_sqlite3_stmt **statement) {
    return sqlite_nio_sqlite3_prepare_v3(
        (sqlite3 *)db, sql, -1, SQLITE_PREPARE_PERSISTENT, (sqlite3_stmt **)statement, NULL);
}

int tuopin_sqlite_bind_int64(tuopin_sqlite3_stmt *statement, int index, int64_t value) {
    return sqlite_nio_sqlite3_bind_int64((sqlite3_stmt *)statement, index, value);
}

int tuopin_sqlite_bind_text(tuopin_sqlite3_stmt *statement, int index, const char *text, int length) {
    // An empty text has no storage of its own; a NULL pointer would bind NULL instead of it.
    return sqlite_nio_sqlite3_bind_text((sqlite3_stmt *)statement, index, text ? text : "", length, SQLITE_TRANSIENT);
}

int tuopin_sqlite_bind_null(tuopin_sqlite3_stmt *statement, int index) {
    return sqlite_nio_sqlite3_bind_null((sqlite3_stmt *)statement, index);
}

int tuopin_sqlite_bind_double(tuopin_sqlite3_stmt *statement, int index, double value) {
    return sqlite_nio_sqlite3_bind_double((sqlite3_stmt *)statement, index, value);
}

int tuopin_sqlite_column_count(tuopin_sqlite3_stmt *statement) { return sqlite_nio_sqlite3_column_count((sqlite3_stmt *)statement); }

const char *tuopin_sqlite_column_name(tuopin_sqlite3_stmt *statement, int index) {
    return sqlite_nio_sqlite3_column_name((sqlite3_stmt *)statement, index);
}

int tuopin_sqlite_column_type(tuopin_sqlite3_stmt *statement, int index) {
    return sqlite_nio_sqlite3_column_type((sqlite3_stmt *)statement, index);
}

int64_t tuopin_sqlite_column_int64(tuopin_sqlite3_stmt *statement, int index) {
    return sqlite_nio_sqlite3_column_int64((sqlite3_stmt *)statement, index);
}

double tuopin_sqlite_column_double(tuopin_sqlite3_stmt *statement, int index) {
    return sqlite_nio_sqlite3_column_double((sqlite3_stmt *)statement, index);
}

const unsigned char *tuopin_sqlite_column_text(tuopin_sqlite3_stmt *statement, int index) {
    return sqlite_nio_sqlite3_column_text((sqlite3_stmt *)statement, index);
}

int tuopin_sqlite_column_bytes(tuopin_sqlite3_stmt *statement, int index) {
    return sqlite_nio_sqlite3_column_bytes((sqlite3_stmt *)statement, index);
}

int tuopin_sqlite_step(tuopin_sqlite3_stmt *statement) { return sqlite_nio_sqlite3_step((sqlite3_stmt *)statement); }

int tuopin_sqlite_reset(tuopin_sqlite3_stmt *statement) { return sqlite_nio_sqlite3_reset((sqlite3_stmt *)statement); }

int tuopin_sqlite_finalize(tuopin_sqlite3_stmt *statement) {
    return sqlite_nio_sqlite3_finalize((sqlite3_stmt *)statement);
}

void tuopin_sqlite_hold(tuopin_sqlite3 *db) { sqlite_nio_sqlite3_mutex_enter(sqlite_nio_sqlite3_db_mutex((sqlite3 *)db)); }

void tuopin_sqlite_release(tuopin_sqlite3 *db) { sqlite_nio_sqlite3_mutex_leave(sqlite_nio_sqlite3_db_mutex((sqlite3 *)db)); }

const char *tuopin_sqlite_errmsg(tuopin_sqlite3 *db) { return sqlite_nio_sqlite3_errmsg((sqlite3 *)db); }

int tuopin_sqlite_extended_errcode(tuopin_sqlite3 *db) { return sqlite_nio_sqlite3_extended_errcode((sqlite3 *)db); }
