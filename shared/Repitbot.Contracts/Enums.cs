namespace Repitbot.Contracts;

public enum UserRole { Tutor, Student, Parent }

public enum LessonOutcome { Attended, NoShow }

public enum CancelledBy { Tutor, Student, Parent, System }

public enum PaymentMethod { Cash, Card, Transfer, Online, Other }

public enum NotificationChannel { Email, Telegram }
