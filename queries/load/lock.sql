-- After loading: no more file or network access, and no one can change the configuration back.
SET enable_external_access = false;
SET lock_configuration = true;
