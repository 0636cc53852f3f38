"""Operations on a whole workspace: check, stats, restore then reindex."""
