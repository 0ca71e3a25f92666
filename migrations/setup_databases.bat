@echo off
rem Quick Setup from the seed: creates user_service_db, resume_service_db and ai_service_db (if missing) and
rem applies each service's migrations in order with psql. Re-running it is harmless.
rem The server is the one named by PGHOST, PGPORT, PGUSER and PGPASSWORD. Needs psql on the PATH.
setlocal enabledelayedexpansion
set HERE=%~dp0
set PGOPTIONS=-c client_min_messages=warning
where psql >nul 2>nul || (echo error: psql not found on the PATH & exit /b 2)
for %%S in (user resume ai) do (
  set DB=%%S_service_db
  for /f %%E in ('psql -X -At -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '!DB!'"') do set EXISTS=%%E
  if not "!EXISTS!"=="1" (
    psql -X -q -d postgres -c "CREATE DATABASE !DB!" || exit /b 1
    echo created !DB!
  )
  set EXISTS=
  for %%F in ("%HERE%%%S-service\0*.sql") do (
    psql -X -q -v ON_ERROR_STOP=1 -d !DB! -f "%%F" >nul || (echo error: %%F failed & exit /b 1)
    echo applied %%~nxF to !DB!
  )
)
echo done: the three databases are ready
