package dev.auditsdk.hibernate.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Author {
    @Id
    @GeneratedValue
    public Long id;

    public String name;

    public Author() {}

    public Author(String name) {
        this.name = name;
    }
}
