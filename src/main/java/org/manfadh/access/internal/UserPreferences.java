package org.manfadh.access.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each user's choices on the screens, kept with the account so they follow the user to any machine. */
@Repository
class UserPreferences {

    private final JdbcClient jdbc;

    UserPreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> language(String username) {
        return jdbc.sql("select language from access.user_preference where username = :username")
                .param("username", username).query(String.class).optional();
    }

    void saveLanguage(String username, String language) {
        jdbc.sql("""
                insert into access.user_preference (username, language) values (:username, :language)
                on conflict (username) do update set language = excluded.language, updated_at = now()
                """).param("username", username).param("language", language).update();
    }
}
